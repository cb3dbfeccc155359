package org.userlm.workbench.evaluation.metrics;

import java.util.List;
import org.userlm.workbench.domain.EndReason;

/**
 * The spread of N runs of one simulator on one task.
 *
 * @param runs             conversations summarised
 * @param success          success rate (last answer attempt correct) with a 95% Wilson interval
 * @param solvedAtSomeTurn "solved at some turn" rate with a 95% Wilson interval
 * @param meanTurns        mean user turns
 * @param sdTurns          sample standard deviation of user turns (NaN for fewer than two runs)
 * @param firstTurnDiversity mean pairwise 1 − Jaccard of word 3-grams of the first user turns
 * @param distinctFirstTurns share of distinct first user turns
 * @param userEndedShare   share of conversations the user ended
 * @param failedRuns       conversations that ended with {@code error} or were cancelled: left out of the success
 *                         intervals' denominators (they are in {@code runs})
 * @param contextFullShare share of conversations that ended {@code context_full} (their own outcome; they stay in
 *                         the success denominator, as a conversation the assistant did not finish)
 */
public record RepeatSummary(int runs, Interval success, Interval solvedAtSomeTurn, double meanTurns, double sdTurns,
                            double firstTurnDiversity, double distinctFirstTurns, double userEndedShare,
                            int failedRuns, double contextFullShare) {

    /** Summarises finished conversations' metrics. */
    public static RepeatSummary of(List<ConversationMetrics> ms) {
        int n = ms.size();
        List<ConversationMetrics> graded = ms.stream().filter(m -> !failed(m)).toList();
        int g = graded.size();
        long ok = graded.stream().filter(m -> m.outcome() != null && m.outcome().success()).count();
        long any = graded.stream().filter(m -> m.outcome() != null && m.outcome().solvedAtSomeTurn()).count();
        double mean = ms.stream().mapToInt(ConversationMetrics::userTurns).average().orElse(Double.NaN);
        double sd = Double.NaN;
        if (n > 1) {
            double ss = ms.stream().mapToDouble(m -> Math.pow(m.userTurns() - mean, 2)).sum();
            sd = Math.sqrt(ss / (n - 1));
        }
        List<String> first = ms.stream().map(ConversationMetrics::firstUserTurn).toList();
        double ended = n == 0 ? Double.NaN : (double) ms.stream()
                .filter(m -> m.endReason() == EndReason.USER_ENDED).count() / n;
        double full = n == 0 ? Double.NaN : (double) ms.stream()
                .filter(m -> m.endReason() == EndReason.CONTEXT_FULL).count() / n;
        return new RepeatSummary(n, Wilson.interval(ok, g), Wilson.interval(any, g), mean, sd,
                Diversity.meanPairwiseDistance(first), Diversity.distinctShare(first), ended, n - g, full);
    }

    private static boolean failed(ConversationMetrics m) {
        return m.endReason() == EndReason.ERROR
                || m.endReason() == EndReason.CANCELLED;
    }
}
