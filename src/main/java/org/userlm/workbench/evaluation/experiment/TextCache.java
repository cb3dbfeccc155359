package org.userlm.workbench.evaluation.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.userlm.workbench.evaluation.metrics.StopWords;

/**
 * Tokens and content words of texts, computed once per text while one report is built (intents, shards and
 * many user turns repeat across a cell). Not thread-safe: one per computation.
 */
final class TextCache {
    private final Map<String, Set<String>> content = new HashMap<>();
    private final Map<String, List<String>> tokens = new HashMap<>();

    Set<String> content(String text) {
        return content.computeIfAbsent(text == null ? "" : text, StopWords::contentWords);
    }

    List<String> tokens(String text) {
        return tokens.computeIfAbsent(text == null ? "" : text, StopWords::tokens);
    }

    /** Share of {@code of}'s content words present in {@code in}; NaN when {@code of} has none. */
    double share(String of, String in) {
        Set<String> want = content(of);
        if (want.isEmpty()) {
            return Double.NaN;
        }
        Set<String> have = content(in);
        long hit = 0;
        for (String w : want) {
            if (have.contains(w)) {
                hit++;
            }
        }
        return (double) hit / want.size();
    }
}
