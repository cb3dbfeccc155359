package org.userlm.workbench.evaluation.metrics;

/**
 * One judged pair for the leaderboard.
 *
 * @param left   the left player's name (a simulator profile)
 * @param right  the right player's name
 * @param winner {@code 1}: left won, {@code -1}: right won, {@code 0}: tie
 */
public record PairwiseResult(String left, String right, int winner) {
}
