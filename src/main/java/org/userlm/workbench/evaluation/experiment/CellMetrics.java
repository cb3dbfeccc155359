package org.userlm.workbench.evaluation.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.Diversity;
import org.userlm.workbench.evaluation.metrics.Interval;
import org.userlm.workbench.evaluation.metrics.Wilson;

/** Computes one cell's metrics ({@link MetricDefinitions}) from its slots and stored conversations. */
public final class CellMetrics {
    private CellMetrics() {
    }

    /**
     * One planned conversation with what it became.
     *
     * @param slot         the slot (status, graded outcome)
     * @param task         its task
     * @param conversation the stored conversation (null while planned or running)
     */
    public record Item(ExperimentSlot slot, Task task, Conversation conversation) {
    }

    /**
     * A cell's numbers.
     *
     * @param conversations finished (done) conversations
     * @param solved        done and graded correct
     * @param success       success rate with its Wilson interval
     * @param metrics       every metric's value, in display order
     * @param intervals     95% intervals of the metrics that have one
     * @param perTask       per task: {solved, graded}
     * @param userTurns     user turns of each finished conversation (distribution)
     * @param wordsPerTurn  words per user turn of each finished conversation (distribution)
     */
    public record Result(int conversations, int solved, Interval success, Map<String, Double> metrics,
                         Map<String, Interval> intervals, Map<String, int[]> perTask, List<Integer> userTurns,
                         List<Double> wordsPerTurn) {
    }

    /** Computes the cell's metrics; {@code judge} classifies turns (the heuristic when no judge model is set). */
    public static Result compute(List<Item> items, TurnJudge judge) {
        HeuristicJudge h = judge instanceof HeuristicJudge hj ? hj : HeuristicJudge.create();
        TextCache text = h.cache();
        List<Item> done = items.stream().filter(i -> i.slot().status() == SlotStatus.DONE && i.conversation() != null)
                .toList();
        int failed = (int) items.stream().filter(i -> i.slot().status() == SlotStatus.FAILED).count();
        int graded = 0;
        int solved = 0;
        Map<String, int[]> perTask = new TreeMap<>();
        for (Item i : done) {
            if (i.slot().solved() != null) {
                graded++;
                boolean s = i.slot().solved();
                solved += s ? 1 : 0;
                int[] t = perTask.computeIfAbsent(i.task().id(), k -> new int[2]);
                t[0] += s ? 1 : 0;
                t[1]++;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Interval> ci = new LinkedHashMap<>();
        Interval success = Wilson.interval(solved, graded);
        put(m, ci, "success_rate", success);

        Map<String, List<Item>> byTask = new LinkedHashMap<>();
        done.forEach(i -> byTask.computeIfAbsent(i.task().id(), k -> new ArrayList<>()).add(i));
        List<Double> ftd = new ArrayList<>();
        List<Double> distinct = new ArrayList<>();
        List<Double> firstEntropy = new ArrayList<>();
        List<Double> orderEntropy = new ArrayList<>();
        for (List<Item> runs : byTask.values()) {
            if (runs.size() < 2) {
                continue;
            }
            List<String> firsts = runs.stream().map(i -> firstUserTurn(i.conversation())).toList();
            ftd.add(Diversity.meanPairwiseDistance(firsts));
            distinct.add(Diversity.distinctShare(firsts));
            List<List<Integer>> orders = runs.stream().map(i -> ShardReveal.order(i.task(), i.conversation(), h))
                    .toList();
            firstEntropy.add(Stats.entropy(orders.stream().map(o -> String.valueOf(o.isEmpty() ? null : o.get(0)))
                    .toList()));
            orderEntropy.add(Stats.entropy(orders.stream().map(List::toString).toList()));
        }
        put(m, ci, "first_turn_diversity", Stats.mean(ftd));
        put(m, ci, "distinct_first_turns", Stats.mean(distinct));

        List<Double> share1 = new ArrayList<>();
        List<Double> shareMean = new ArrayList<>();
        List<Double> coverage = new ArrayList<>();
        List<Integer> turns = new ArrayList<>();
        List<Double> words = new ArrayList<>();
        List<String> allUserText = new ArrayList<>();
        int userEnded = 0;
        int endedBeforeCorrect = 0;
        int userTurnsTotal = 0;
        int roleOk = 0;
        int intentOk = 0;
        Map<String, Integer> firings = new TreeMap<>();
        int firingsTotal = 0;
        for (Item i : done) {
            Conversation c = i.conversation();
            List<Turn> user = c.turns().stream().filter(t -> t.role() == Role.USER).toList();
            turns.add(user.size());
            if (!user.isEmpty()) {
                words.add(user.stream().mapToInt(t -> ConversationMetrics.wordCount(t.content())).average()
                        .orElse(Double.NaN));
                addIfNumber(share1, text.share(c.intent(), user.get(0).content()));
                double sum = 0;
                for (Turn t : user) {
                    sum += text.share(c.intent(), t.content());
                }
                addIfNumber(shareMean, sum / user.size());
            }
            coverage.add(ShardReveal.coverage(i.task(), c, judge));
            if (c.endedBy() == EndReason.USER_ENDED) {
                userEnded++;
                endedBeforeCorrect += Boolean.TRUE.equals(i.slot().solved()) ? 0 : 1;
            }
            for (Turn t : user) {
                userTurnsTotal++;
                allUserText.add(t.content());
                roleOk += judge.roleAdherent(c.intent(), t.content()) ? 1 : 0;
                intentOk += judge.intentAdherent(c.intent(), t.content()) ? 1 : 0;
                for (GuardrailEvent e : t.guardrailEvents()) {
                    firings.merge(e.rule(), 1, Integer::sum);
                    firingsTotal++;
                }
            }
        }
        String suffix = judge.method().equals("judge") ? "_judge" : "_heuristic";
        put(m, ci, "intent_decomposition_turn1", Stats.mean(share1));
        put(m, ci, "intent_decomposition_mean", Stats.mean(shareMean));
        put(m, ci, judge.method().equals("judge") ? "intent_coverage_judge" : "intent_coverage_lexical",
                Stats.mean(coverage));
        put(m, ci, "user_ended_share", Wilson.interval(userEnded, done.size()));
        put(m, ci, "end_turn_mean", Stats.mean(turns.stream().map(Integer::doubleValue).toList()));
        put(m, ci, "ended_before_correct_share", Wilson.interval(endedBeforeCorrect, done.size()));
        put(m, ci, "role_adherence" + suffix, Wilson.interval(roleOk, userTurnsTotal));
        put(m, ci, "intent_adherence" + suffix, Wilson.interval(intentOk, userTurnsTotal));
        m.put("distinct_1", LexicalDiversity.distinct(allUserText, 1));
        m.put("distinct_2", LexicalDiversity.distinct(allUserText, 2));
        m.put("mtld", LexicalDiversity.mtld(allUserText));
        put(m, ci, "first_shard_entropy", Stats.mean(firstEntropy));
        put(m, ci, "reveal_order_entropy", Stats.mean(orderEntropy));
        put(m, ci, "user_turns_mean", Stats.mean(turns.stream().map(Integer::doubleValue).toList()));
        m.put("user_turns_variance", Stats.variance(turns.stream().map(Integer::doubleValue).toList()));
        put(m, ci, "words_per_user_turn", Stats.mean(words));
        m.put("guardrail_firings_per_turn", userTurnsTotal == 0 ? Double.NaN : (double) firingsTotal / userTurnsTotal);
        for (Map.Entry<String, Integer> e : firings.entrySet()) {
            m.put("guardrail_" + e.getKey() + "_per_turn", (double) e.getValue() / userTurnsTotal);
        }
        m.put("failed", (double) failed);
        put(m, ci, "failed_share", Wilson.interval(failed, done.size() + failed));
        return new Result(done.size(), solved, success, m, ci, perTask, turns, words);
    }

    private static void addIfNumber(List<Double> l, double v) {
        if (!Double.isNaN(v)) {
            l.add(v);
        }
    }

    private static String firstUserTurn(Conversation c) {
        return c.turns().stream().filter(t -> t.role() == Role.USER).map(Turn::content).findFirst().orElse("");
    }

    private static void put(Map<String, Double> m, Map<String, Interval> ci, String name, Interval v) {
        m.put(name, v.estimate());
        if (!Double.isNaN(v.estimate()) && !Double.isNaN(v.lower())) {
            ci.put(name, v);
        }
    }
}
