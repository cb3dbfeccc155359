package org.userlm.workbench.evaluation.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small English stop-word list [ours] and the content-word tokeniser the metrics use: lower-case, split on
 * anything that is not a letter, digit or apostrophe, stop words removed.
 */
public final class StopWords {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    /** The shipped list (about 130 function words: articles, pronouns, auxiliaries, prepositions). */
    public static final Set<String> ENGLISH = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'm",
            "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself",
            "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
            "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
            "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
            "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
            "want", "wants", "user", "get", "let", "s", "t");

    private StopWords() {
    }

    /** Lower-case word tokens, punctuation removed (stop words kept). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
            String t = trimApostrophes(w);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The distinct content words of a text, in order of first appearance. */
    public static Set<String> contentWords(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            if (!ENGLISH.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String trimApostrophes(String w) {
        int a = 0;
        int b = w.length();
        while (a < b && w.charAt(a) == '\'') {
            a++;
        }
        while (b > a && w.charAt(b - 1) == '\'') {
            b--;
        }
        return w.substring(a, b);
    }
}
