package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts markdown into chunks that render the same alone as together, so a streaming turn can show each finished
 * chunk rendered while the rest streams, and the settled turn (rendered by the same cuts) does not jump. A chunk
 * ends before a line that follows a blank line, starts at the left margin and is outside a fenced code block: an
 * indented line after a blank one (a list item's second paragraph) stays with its list. Pure; one instance per
 * stream, fed on one thread.
 */
final class MarkdownChunks {
    private final StringBuilder chunk = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private String fence;
    private boolean blankSeen;
    private boolean hasContent;

    /** Cuts a whole text, as the streaming cuts would. */
    static List<String> split(String text) {
        MarkdownChunks c = new MarkdownChunks();
        List<String> out = new ArrayList<>(c.push(text));
        String rest = c.tail();
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** Takes streamed text; returns the chunks it finished (often none). */
    List<String> push(String delta) {
        List<String> done = new ArrayList<>(0);
        for (int i = 0; i < delta.length(); i++) {
            char c = delta.charAt(i);
            // The first character of a line decides a cut: a block at the left margin after a blank line.
            if (line.length() == 0 && fence == null && blankSeen && !Character.isWhitespace(c)) {
                done.add(chunk.toString());
                chunk.setLength(0);
                blankSeen = false;
            }
            line.append(c);
            if (c == '\n') {
                endLine(done);
            }
        }
        return done;
    }

    /** The text not yet in a finished chunk (the open chunk and the line being written). */
    String tail() {
        return chunk.toString() + line;
    }

    private void endLine(List<String> done) {
        String l = line.toString();
        line.setLength(0);
        String stripped = l.strip();
        if (fence != null) {
            if (stripped.startsWith(fence) && stripped.chars().allMatch(ch -> ch == fence.charAt(0))) {
                fence = null;
            }
            chunk.append(l);
            return;
        }
        if (stripped.isEmpty()) {
            blankSeen = hasContent;
            chunk.append(l);
            return;
        }
        blankSeen = false;
        hasContent = true;
        chunk.append(l);
        if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
            char f = stripped.charAt(0);
            int n = 0;
            while (n < stripped.length() && stripped.charAt(n) == f) {
                n++;
            }
            fence = String.valueOf(f).repeat(n);
        }
    }
}
