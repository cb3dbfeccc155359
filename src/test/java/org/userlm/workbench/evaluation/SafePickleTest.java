package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.tasks.TaskFiles;

class SafePickleTest {
    private static String blob(byte[] pickle) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(bos)) {
            z.write(pickle);
        }
        return Base64.getEncoder().encodeToString(bos.toByteArray());
    }

    @Test
    void realLiveCodeBenchBlobsDecodeToTwelveTests() throws Exception {
        List<Task> lcb = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_code_subset.json")).stream()
                .filter(t -> t.code() != null && t.code().privateTests() != null).toList();
        assertEquals(4, lcb.size());
        for (Task t : lcb) {
            assertEquals(12, CodeTests.parsePrivate(t.code().privateTests()).size(), t.id());
        }
    }

    @Test
    void shortUnicodePickleIsRead() throws Exception {
        // pickle.dumps('[]', protocol=4): PROTO 4, FRAME, SHORT_BINUNICODE '[]', MEMOIZE, STOP
        byte[] p = {(byte) 0x80, 4, (byte) 0x95, 6, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c, 2, '[', ']', (byte) 0x94, '.'};
        assertEquals("[]", SafePickle.decodeBlob(blob(p)));
    }

    @Test
    void anythingButAStrIsRefused() throws Exception {
        byte[] evil = "cos\nsystem\n(S'echo pwned'\ntR.".getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafePickle.decodeBlob(blob(evil)));
        assertTrue(e.getMessage().startsWith("refusing pickle opcode 0x63"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SafePickle.decodeBlob("not base64 !!"));
        assertThrows(IllegalArgumentException.class, () -> SafePickle.decodeBlob(blob(new byte[] {'X', 9, 0, 0, 0, 'a'})));
    }

    @Test
    void hugeOrTruncatedLengthsAreRefusedNotOverflowed() {
        // BINUNICODE8 whose 8-byte length overflows int and long arithmetic, then a truncated FRAME and PROTO
        byte[] huge = {(byte) 0x8d, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, 0x7f, 'a', '.'};
        for (byte[] p : new byte[][] {huge, {(byte) 0x95, 1, 2}, {(byte) 0x80}, {(byte) 0x8c, 5, 'a', '.'}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafePickle.decodeBlob(blob(p)));
            assertTrue(e.getMessage().contains("pickle"), e.getMessage());
        }
    }

    @Test
    void graderSkipsUndecodablePrivateTestsAndSaysSo() throws Exception {
        byte[] evil = "cos\nsystem\n(S'echo pwned'\ntR.".getBytes(StandardCharsets.US_ASCII);
        Task t = new Task("x", TaskKind.CODE, "test", "x", "q", List.of(), null, new CodeSpec("inc", "", "",
                "[{\"input\": \"1\", \"output\": \"2\", \"testtype\": \"functional\"}]", blob(evil), null, ""));
        GradeResult r = new CodeGrader().grade(t, "```python\ndef inc(x):\n    return x + 1\n```");
        assertTrue(r.correct());
        assertTrue(r.detail().contains("private tests skipped: refusing pickle opcode"), r.detail());
        assertFalse(r.detail().contains("pwned") && !r.detail().contains("opcode"));
    }
}
