package org.userlm.workbench.ui.presenter;

/**
 * The typing effect's clock arithmetic: at {@code wpm} words per minute, a text shows its first
 * {@code floor(elapsed * wpm / 60000)} words (a word is a run of non-space characters, with the spaces before
 * it). The exported HTML player does the same sums in JavaScript.
 */
public final class Typing {
    private Typing() {
    }

    /** How many words the text has. */
    public static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    /** Milliseconds to type the whole text. */
    public static long durationMs(String text, int wpm) {
        return (long) Math.ceil(words(text) * 60_000.0 / wpm);
    }

    /** The prefix shown {@code elapsedMs} after typing began. */
    public static String visible(String text, int wpm, long elapsedMs) {
        long shown = elapsedMs <= 0 ? 0 : (long) Math.floor(elapsedMs * (double) wpm / 60_000.0);
        if (shown <= 0) {
            return "";
        }
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !in) {
                if (n == shown) {
                    return text.substring(0, i).stripTrailing();
                }
                n++;
            }
            in = !space;
        }
        return text;
    }
}
