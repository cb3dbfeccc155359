package org.userlm.workbench.inference.openai;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads the {@code data} of server-sent events, one event at a time (WHATWG EventSource rules, reduced to what
 * OpenAI-compatible servers send): lines end in LF, CRLF or CR; a blank line ends an event; {@code data:} lines
 * are joined with LF; one space after the colon is dropped; comment lines ({@code :...}) and other fields
 * ({@code event}, {@code id}, {@code retry}) are ignored. A line cut off by the end of the stream is dropped, so a
 * truncated JSON payload is never returned; complete data lines still pending at the end form a last event.
 * Not thread-safe: one reader thread.
 */
final class SseParser {
    private final Reader in;
    private final StringBuilder line = new StringBuilder();
    private boolean pendingCr;
    private boolean eof;

    SseParser(Reader in) {
        this.in = in;
    }

    /**
     * The next event's data, or null at the end of the stream. Events without data lines are skipped.
     *
     * @throws IOException when reading fails
     */
    String next() throws IOException {
        StringBuilder data = null;
        while (true) {
            String l = readLine();
            if (l == null) {
                return data == null ? null : data.toString();
            }
            if (l.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (l.charAt(0) == ':') {
                continue;
            }
            int colon = l.indexOf(':');
            String field = colon < 0 ? l : l.substring(0, colon);
            if (!field.equals("data")) {
                continue;
            }
            String value = colon < 0 ? "" : l.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
    }

    /** A complete line without its terminator, or null at the end (an unterminated last line is dropped). */
    private String readLine() throws IOException {
        if (eof) {
            return null;
        }
        line.setLength(0);
        while (true) {
            int c = in.read();
            if (c < 0) {
                eof = true;
                return null;
            }
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\r') {
                pendingCr = true;
                return line.toString();
            }
            if (c == '\n') {
                return line.toString();
            }
            line.append((char) c);
        }
    }
}
