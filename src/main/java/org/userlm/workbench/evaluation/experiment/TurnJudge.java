package org.userlm.workbench.evaluation.experiment;

/**
 * Classifies user turns for the adherence and coverage metrics: a judge model, or the heuristics (labelled as such
 * in every metric name: {@code _heuristic} / {@code _lexical} against {@code _judge}).
 */
public interface TurnJudge {
    /** {@code judge} or {@code heuristic}. */
    String method();

    /** The user turn stays a user (does not turn into the assistant: no solution, no "As an AI"). */
    boolean roleAdherent(String intent, String turn);

    /** The user turn stays on the intent. */
    boolean intentAdherent(String intent, String turn);

    /** The user's turns, together, convey this shard of the task. */
    boolean shardConveyed(String shard, String userText);
}
