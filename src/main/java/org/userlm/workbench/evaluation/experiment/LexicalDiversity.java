package org.userlm.workbench.evaluation.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.userlm.workbench.evaluation.metrics.StopWords;

/**
 * Lexical diversity of a corpus of texts [ours, after the usual definitions]: distinct-n (distinct word n-grams over
 * all n-grams, n-grams not crossing texts) and MTLD (McCarthy and Jarvis 2010: the mean length of word runs whose
 * type-token ratio stays above 0.72, averaged over a forward and a backward pass, the remainder counted as a partial
 * factor).
 */
public final class LexicalDiversity {
    /** MTLD's type-token-ratio threshold. */
    public static final double MTLD_THRESHOLD = 0.72;

    private LexicalDiversity() {
    }

    /** Distinct n-grams / total n-grams over the texts; NaN when there is none. */
    public static double distinct(List<String> texts, int n) {
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (String text : texts) {
            List<String> t = StopWords.tokens(text);
            for (int i = 0; i + n <= t.size(); i++) {
                seen.add(String.join(" ", t.subList(i, i + n)));
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) seen.size() / total;
    }

    /** MTLD over the texts' words in order; NaN without words. */
    public static double mtld(List<String> texts) {
        List<String> words = new ArrayList<>();
        texts.forEach(t -> words.addAll(StopWords.tokens(t)));
        if (words.isEmpty()) {
            return Double.NaN;
        }
        double forward = pass(words);
        List<String> reversed = new ArrayList<>(words);
        Collections.reverse(reversed);
        return (forward + pass(reversed)) / 2;
    }

    private static double pass(List<String> words) {
        double factors = 0;
        Set<String> types = new HashSet<>();
        int tokens = 0;
        double ttr = 1;
        for (String w : words) {
            tokens++;
            types.add(w);
            ttr = (double) types.size() / tokens;
            if (ttr <= MTLD_THRESHOLD) {
                factors++;
                types.clear();
                tokens = 0;
                ttr = 1;
            }
        }
        if (tokens > 0) {
            factors += (1 - ttr) / (1 - MTLD_THRESHOLD);
        }
        return factors == 0 ? words.size() : words.size() / factors;
    }
}
