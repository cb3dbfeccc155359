package org.userlm.workbench.tasks;

/** Makes short human titles from task text. */
final class Titles {
    /** Longest title before it is cut at a word boundary. */
    static final int MAX = 60;

    private Titles() {
    }

    /** The first ~60 characters of {@code text} on one line, cut at a word boundary with an ellipsis. */
    static String of(String text) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (s.length() <= MAX) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX);
        if (cut < MAX / 2) {
            cut = MAX;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }
}
