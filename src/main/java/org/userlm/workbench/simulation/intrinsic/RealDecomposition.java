package org.userlm.workbench.simulation.intrinsic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.Diversity;
import org.userlm.workbench.storage.MessagesJsonl.RealConversation;

/**
 * The reference numbers real users give for intent decomposition and first-turn diversity [procedure ours]: the
 * intent of a real conversation is everything its user wrote; decomposition = the share of that intent's content
 * words the first user turn already holds (1.0 = everything said at once), over conversations with 2+ user turns;
 * first-turn diversity = mean pairwise 1 − Jaccard of word 3-grams of the first user turns (as in Compare).
 */
public final class RealDecomposition {
    private RealDecomposition() {
    }

    /**
     * The numbers.
     *
     * @param conversations      conversations read
     * @param multiTurn          conversations with two or more user turns (the decomposition denominator)
     * @param firstTurnShare     mean share of the user's content words revealed in turn 1 (multi-turn only)
     * @param meanUserTurns      mean user turns per conversation
     * @param firstTurnDiversity mean pairwise distance of first user turns
     */
    public record Result(int conversations, int multiTurn, double firstTurnShare, double meanUserTurns,
                         double firstTurnDiversity) {
    }

    /** Computes the reference numbers. */
    public static Result of(List<RealConversation> conversations) {
        List<String> first = new ArrayList<>();
        double shareSum = 0;
        int multi = 0;
        double turns = 0;
        for (RealConversation c : conversations) {
            List<String> user = c.turns().stream().filter(t -> t.role() == Role.USER).map(Turn::content).toList();
            turns += user.size();
            first.add(user.get(0));
            if (user.size() >= 2) {
                String intent = user.stream().collect(Collectors.joining("\n"));
                double s = ConversationMetrics.intentShare(intent, user.get(0));
                if (!Double.isNaN(s)) {
                    shareSum += s;
                    multi++;
                }
            }
        }
        int n = conversations.size();
        return new Result(n, multi, multi == 0 ? Double.NaN : shareSum / multi, n == 0 ? Double.NaN : turns / n,
                Diversity.meanPairwiseDistance(first));
    }
}
