package org.userlm.workbench.evaluation.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every experiment metric means (PROTOCOL.md section 7; formulas [ours]). Written into every export and shown
 * one click away in the dashboard.
 */
public final class MetricDefinitions {
    private static final Map<String, String> DEFS = new LinkedHashMap<>();

    static {
        def("success_rate", "share of the cell's finished, gradeable conversations whose LAST answer attempt is graded "
                + "correct (LiC math rule; code in the sandbox), as the Compare workspace grades them; 95% Wilson "
                + "interval. Failed conversations are not in the denominator (see failed_share).");
        def("paired_difference", "per assistant and pair of simulators A, B: over the (task, run) pairs both finished, "
                + "mean of success(A) - success(B); 95% percentile bootstrap interval (2000 resamples of pairs, seeded); "
                + "p-value = exact McNemar test (two-sided sign test on the discordant pairs).");
        def("first_turn_diversity", "per task, mean pairwise 1 - Jaccard of the word 3-gram sets of the first user "
                + "turns of its runs; averaged over tasks with 2+ runs; 95% normal interval over tasks.");
        def("distinct_first_turns", "per task, distinct first user turns (case and spacing ignored) / runs; averaged "
                + "over tasks; 95% normal interval over tasks.");
        def("intent_decomposition_turn1", "share of the intent's distinct content words (stop words removed) present "
                + "in user turn 1; mean over conversations, 95% normal interval. Lower = more decomposed.");
        def("intent_decomposition_mean", "the same share averaged over all user turns of a conversation; mean over "
                + "conversations, 95% normal interval.");
        def("intent_coverage_lexical", "HEURISTIC: share of the task's shards conveyed by the end, a shard counting "
                + "as conveyed when half of its content words appear in the user's turns (or the sharded simulator "
                + "revealed it); mean over conversations, 95% normal interval.");
        def("intent_coverage_judge", "share of the task's shards the judge model says the user's turns conveyed; "
                + "mean over conversations, 95% normal interval.");
        def("user_ended_share", "share of conversations the simulated user ended (end marker, or all shards "
                + "revealed); 95% Wilson interval.");
        def("end_turn_mean", "number of user turns when the conversation ended (the turn index of the end); mean, "
                + "95% normal interval.");
        def("ended_before_correct_share", "share of conversations the user ended while the assistant's last answer "
                + "attempt was not correct (no correct answer yet); 95% Wilson interval.");
        def("role_adherence_heuristic", "HEURISTIC: share of user turns that stay a user (no 'As an AI', no offered "
                + "solution, code block or def); 95% Wilson interval over turns.");
        def("role_adherence_judge", "share of user turns the judge model says stay in the user's role; 95% Wilson "
                + "interval over turns.");
        def("intent_adherence_heuristic", "HEURISTIC: share of user turns that share a content word with the intent "
                + "or are short replies (4 words or fewer); 95% Wilson interval over turns.");
        def("intent_adherence_judge", "share of user turns the judge model says stay on the intent; 95% Wilson "
                + "interval over turns.");
        def("distinct_1", "distinct words / words over all user turns of the cell (corpus-level, no interval).");
        def("distinct_2", "distinct word bigrams / bigrams over all user turns of the cell (corpus-level, no "
                + "interval).");
        def("mtld", "MTLD (threshold 0.72, mean of forward and backward passes) over all user turns of the cell in "
                + "order (corpus-level, no interval).");
        def("first_shard_entropy", "per task, Shannon entropy (bits) of which shard is revealed first across the "
                + "task's runs (shard of turn 1: the sharded simulator's id, else the shard with the largest "
                + "content-word overlap); averaged over tasks with 2+ runs; 95% normal interval over tasks.");
        def("reveal_order_entropy", "per task, entropy (bits) of the order in which shards are first revealed "
                + "across runs (same shard matching); averaged over tasks with 2+ runs; 95% normal interval.");
        def("user_turns_mean", "user turns per conversation; mean, 95% normal interval.");
        def("user_turns_variance", "user turns per conversation; sample variance (no interval).");
        def("words_per_user_turn", "whitespace-separated words per user turn, averaged per conversation; mean over "
                + "conversations, 95% normal interval.");
        def("guardrail_firings_per_turn", "guardrail events (redraws and fallbacks) per user turn, all rules; "
                + "guardrail_<rule>_per_turn gives each rule (no interval).");
        def("failed", "conversations that failed (a backend error after retries); they are stored and linked to "
                + "their cell but left out of every other metric.");
        def("failed_share", "failed / (finished + failed); 95% Wilson interval.");
    }

    private MetricDefinitions() {
    }

    private static void def(String name, String text) {
        DEFS.put(name, text);
    }

    /** Every definition, in display order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(DEFS);
    }

    /** The definition of a metric ({@code guardrail_<rule>_per_turn} maps to the guardrail definition). */
    public static String of(String metric) {
        if (metric.startsWith("guardrail_")) {
            return DEFS.get("guardrail_firings_per_turn");
        }
        return DEFS.getOrDefault(metric, "");
    }
}
