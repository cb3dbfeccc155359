package org.userlm.workbench.simulation;

/**
 * The end-of-conversation marker. It may arrive as a special token or as literal text, and the model often writes
 * junk after it (PROTOCOL.md section 2): the text before it is the user's last message, the rest is discarded.
 */
public final class EndMarker {
    /** {@code <|endconversation|>}. */
    public static final String TEXT = "<|endconversation|>";

    private EndMarker() {
    }

    /** Index of the marker in {@code text}, or -1. */
    public static int find(String text) {
        return text == null ? -1 : text.indexOf(TEXT);
    }

    /**
     * Length of the longest suffix of {@code text} that is a proper prefix of the marker (text that must be held
     * back from the screen until we know whether the marker follows).
     */
    static int partialSuffix(CharSequence text) {
        int max = Math.min(TEXT.length() - 1, text.length());
        for (int n = max; n > 0; n--) {
            boolean match = true;
            for (int i = 0; i < n; i++) {
                if (text.charAt(text.length() - n + i) != TEXT.charAt(i)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return n;
            }
        }
        return 0;
    }
}
