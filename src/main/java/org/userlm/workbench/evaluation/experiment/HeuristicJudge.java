package org.userlm.workbench.evaluation.experiment;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The heuristic fallback [ours]. Role: a user turn breaks role when it speaks as an AI or offers a solution (a code
 * block, a Python def, "the answer is", "here is the solution", "how can I help"). Intent: the turn shares a content
 * word with the intent, or is a short reply (4 words or fewer). Coverage: a shard is conveyed when at least half of its
 * content words appear in the user's turns.
 */
public final class HeuristicJudge implements TurnJudge {
    private final TextCache cache;

    private static final Pattern OFF_ROLE = Pattern.compile("(?i)(\\bas an ai\\b|\\bi am an ai\\b|\\bi'm an ai\\b|"
            + "language model|how can i (help|assist)|i'd be happy to help|here(?:'s| is) (?:the|a|my) "
            + "(?:solution|answer|code|implementation)|the answer is|```|(?m)^\\s*def\\s+\\w+\\s*\\()");

    HeuristicJudge(TextCache cache) {
        this.cache = cache;
    }

    /** A judge for one report computation (it memoises tokenisation). */
    public static HeuristicJudge create() {
        return new HeuristicJudge(new TextCache());
    }

    @Override
    public String method() {
        return "heuristic";
    }

    @Override
    public boolean roleAdherent(String intent, String turn) {
        return !OFF_ROLE.matcher(turn == null ? "" : turn).find();
    }

    @Override
    public boolean intentAdherent(String intent, String turn) {
        if (cache.tokens(turn).size() <= 4) {
            return true;
        }
        Set<String> have = cache.content(turn);
        return cache.content(intent).stream().anyMatch(have::contains);
    }

    @Override
    public boolean shardConveyed(String shard, String userText) {
        return share(shard, userText) >= 0.5;
    }

    /** Share of the shard's content words found in the text (0 for a shard without content words). */
    double share(String shard, String text) {
        double s = cache.share(shard, text);
        return Double.isNaN(s) ? 0 : s;
    }

    TextCache cache() {
        return cache;
    }
}
