package org.userlm.workbench.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<String> events(String raw) throws IOException {
        SseParser p = new SseParser(new BufferedReader(new StringReader(raw)));
        List<String> out = new ArrayList<>();
        String d;
        while ((d = p.next()) != null) {
            out.add(d);
        }
        return out;
    }

    @Test
    void readsOneEventPerBlankLine() throws IOException {
        assertEquals(List.of("{\"a\":1}", "[DONE]"), events("data: {\"a\":1}\n\ndata: [DONE]\n\n"));
    }

    @Test
    void joinsMultiLineDataWithNewlines() throws IOException {
        assertEquals(List.of("{\"a\":\n1}"), events("data: {\"a\":\ndata: 1}\n\n"));
    }

    @Test
    void skipsCommentsAndOtherFields() throws IOException {
        String raw = ": ping\n\nevent: message\nid: 7\nretry: 100\ndata: x\n\n: keep-alive\n\n";
        assertEquals(List.of("x"), events(raw));
    }

    @Test
    void acceptsCrLfAndBareCr() throws IOException {
        assertEquals(List.of("a", "b", "c"), events("data: a\r\n\r\ndata: b\r\rdata: c\n\n"));
    }

    @Test
    void dropsOnlyOneSpaceAfterColonAndAcceptsNoSpace() throws IOException {
        assertEquals(List.of(" two", "none"), events("data:  two\n\ndata:none\n\n"));
    }

    @Test
    void completeDataAtEndWithoutBlankLineIsAnEvent() throws IOException {
        assertEquals(List.of("a", "[DONE]"), events("data: a\n\ndata: [DONE]\n"));
    }

    @Test
    void unterminatedLastLineIsDropped() throws IOException {
        assertEquals(List.of("a"), events("data: a\n\ndata: {\"trunc"));
    }

    @Test
    void emptyStreamHasNoEvents() throws IOException {
        SseParser p = new SseParser(new BufferedReader(new StringReader("")));
        assertNull(p.next());
        assertNull(p.next());
    }

    @Test
    void keepsUnicodeIntact() throws IOException {
        assertEquals(List.of("{\"t\":\"héllo — 世界 🙂\"}"), events("data: {\"t\":\"héllo — 世界 🙂\"}\n\n"));
    }
}
