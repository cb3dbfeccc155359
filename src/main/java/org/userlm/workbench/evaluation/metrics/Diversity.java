package org.userlm.workbench.evaluation.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * First-turn diversity (PROTOCOL.md section 7, formula [ours]): over k first turns sampled for one intent, the mean
 * pairwise {@code 1 − Jaccard} of their word 3-gram sets, and the share of distinct first turns.
 */
public final class Diversity {
    /** The n of the word n-grams. */
    public static final int N = 3;

    private Diversity() {
    }

    /** Word n-grams (lower-case tokens joined by a space); a text shorter than n is one n-gram of all its words. */
    public static Set<String> ngrams(String text, int n) {
        List<String> t = StopWords.tokens(text);
        Set<String> out = new HashSet<>();
        if (t.isEmpty()) {
            return out;
        }
        if (t.size() < n) {
            out.add(String.join(" ", t));
            return out;
        }
        for (int i = 0; i + n <= t.size(); i++) {
            out.add(String.join(" ", t.subList(i, i + n)));
        }
        return out;
    }

    /** Jaccard similarity of two sets; two empty sets are identical (1). */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }

    /** Mean over all pairs of {@code 1 − Jaccard(3-grams)}; NaN with fewer than two texts. */
    public static double meanPairwiseDistance(List<String> texts) {
        if (texts.size() < 2) {
            return Double.NaN;
        }
        List<Set<String>> grams = texts.stream().map(t -> ngrams(t, N)).toList();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < grams.size(); i++) {
            for (int j = i + 1; j < grams.size(); j++) {
                sum += 1 - jaccard(grams.get(i), grams.get(j));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Distinct texts (after lower-casing and collapsing whitespace) divided by the number of texts; NaN if none. */
    public static double distinctShare(List<String> texts) {
        if (texts.isEmpty()) {
            return Double.NaN;
        }
        Set<String> distinct = new HashSet<>();
        for (String t : texts) {
            distinct.add((t == null ? "" : t).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return (double) distinct.size() / texts.size();
    }
}
