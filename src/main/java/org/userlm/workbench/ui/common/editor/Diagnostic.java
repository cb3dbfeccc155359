package org.userlm.workbench.ui.common.editor;

/**
 * The first problem a validator found.
 *
 * @param start   offset of the offending range, or -1 when the problem has no place in the text
 * @param end     end of that range (exclusive)
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message one sentence saying what is wrong (and, where it helps, what to do)
 * @param severity an error (the text will not work as meant) or a warning (it works, probably not as meant)
 */
public record Diagnostic(int start, int end, int line, int column, String message, Severity severity) {
    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    /** A problem at a range of {@code text}; line and column are computed from {@code start}. */
    public static Diagnostic at(String text, int start, int end, String message, Severity severity) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < s; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Diagnostic(s, e, line, s - lineStart + 1, message, severity);
    }

    /** A problem with a line (1-based) but no known column: the whole line is marked. */
    public static Diagnostic atLine(String text, int line, String message, Severity severity) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            int nl = text.indexOf('\n', start);
            start = nl < 0 ? -1 : nl + 1;
        }
        if (line < 1 || start < 0) {
            return new Diagnostic(-1, -1, Math.max(0, line), 0, message, severity);
        }
        int end = text.indexOf('\n', start);
        return new Diagnostic(start, end < 0 ? text.length() : end, line, 1, message, severity);
    }

    /** A problem with no place in the text (a missing placeholder, a rule over the whole document). */
    public static Diagnostic whole(String message, Severity severity) {
        return new Diagnostic(-1, -1, 0, 0, message, severity);
    }

    /** Whether the problem marks a range of the text. */
    public boolean placed() {
        return start >= 0 && end > start;
    }

    /** The message with its place, as the editor shows it under the text. */
    public String display() {
        return (line > 0 ? "Line " + line + (column > 0 ? ", column " + column : "") + ": " : "") + message;
    }
}
