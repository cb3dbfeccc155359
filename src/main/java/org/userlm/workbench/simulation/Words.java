package org.userlm.workbench.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Word-level text helpers shared by the guardrails and the metrics. */
public final class Words {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private Words() {
    }

    /** Whitespace-separated words (what "3 to 25 words" counts). */
    public static int count(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : SPACE.split(t).length;
    }

    /** Lower-case and collapse runs of whitespace (for "equal to an earlier turn"). */
    public static String normalise(String text) {
        return SPACE.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** Lower-case word tokens with punctuation removed. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The set of word n-grams (joined by a space). */
    public static Set<String> ngrams(List<String> tokens, int n) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.add(String.join(" ", tokens.subList(i, i + n)));
        }
        return out;
    }

    /** The first n-gram shared by both texts, or null. */
    public static String sharedNgram(String a, String b, int n) {
        Set<String> other = ngrams(tokens(b), n);
        List<String> ta = tokens(a);
        for (int i = 0; i + n <= ta.size(); i++) {
            String g = String.join(" ", ta.subList(i, i + n));
            if (other.contains(g)) {
                return g;
            }
        }
        return null;
    }

    /**
     * The banned word the text starts with, or null. A word matches when the text starts with it and the next
     * character is not a letter or digit ("I'm" starts with "I"; "It" does not). Case-sensitive, as configured.
     */
    public static String startsWithWord(String text, List<String> words) {
        String t = text == null ? "" : text.stripLeading();
        for (String w : words) {
            if (!w.isEmpty() && t.startsWith(w)
                    && (t.length() == w.length() || !Character.isLetterOrDigit(t.charAt(w.length())))) {
                return w;
            }
        }
        return null;
    }
}
