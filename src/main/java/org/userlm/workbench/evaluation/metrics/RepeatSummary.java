package org.userlm.workbench.evaluation.metrics;

import java.util.List;

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
 */
public record RepeatSummary(int runs, Interval success, Interval solvedAtSomeTurn, double meanTurns, double sdTurns,
                            double firstTurnDiversity, double distinctFirstTurns, double userEndedShare) {

    /** Summarises finished conversations' metrics. */
    public static RepeatSummary of(List<ConversationMetrics> ms) {
        int n = ms.size();
        long ok = ms.stream().filter(m -> m.outcome() != null && m.outcome().success()).count();
        long any = ms.stream().filter(m -> m.outcome() != null && m.outcome().solvedAtSomeTurn()).count();
        double mean = ms.stream().mapToInt(ConversationMetrics::userTurns).average().orElse(Double.NaN);
        double sd = Double.NaN;
        if (n > 1) {
            double ss = ms.stream().mapToDouble(m -> Math.pow(m.userTurns() - mean, 2)).sum();
            sd = Math.sqrt(ss / (n - 1));
        }
        List<String> first = ms.stream().map(ConversationMetrics::firstUserTurn).toList();
        double ended = n == 0 ? Double.NaN : (double) ms.stream()
                .filter(m -> m.endReason() == org.userlm.workbench.domain.EndReason.USER_ENDED).count() / n;
        return new RepeatSummary(n, Wilson.interval(ok, n), Wilson.interval(any, n), mean, sd,
                Diversity.meanPairwiseDistance(first), Diversity.distinctShare(first), ended);
    }
}
