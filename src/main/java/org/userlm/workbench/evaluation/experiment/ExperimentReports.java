package org.userlm.workbench.evaluation.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.domain.Task;

/** Builds an {@link ExperimentReport} from stored slots and conversations. Pure computation (no I/O but the judge). */
public final class ExperimentReports {
    private ExperimentReports() {
    }

    /**
     * @param cells         every cell of the experiment
     * @param assistants    number of assistant profiles (cell = simulator × assistants + assistant)
     * @param slots         every slot
     * @param conversations finished conversations by id
     * @param tasks         tasks by id
     * @param judge         turn classifier
     * @param seed          bootstrap seed
     */
    public static ExperimentReport build(String experimentId, String name, List<ExperimentCell> cells, int assistants,
                                         List<ExperimentSlot> slots, Map<String, Conversation> conversations,
                                         Map<String, Task> tasks, TurnJudge judge, long seed) {
        Map<Integer, List<CellMetrics.Item>> byCell = new HashMap<>();
        for (ExperimentSlot s : slots) {
            Task t = tasks.get(s.taskId());
            if (t == null) {
                continue;
            }
            Conversation c = s.conversationId() == null ? null : conversations.get(s.conversationId());
            byCell.computeIfAbsent(s.cell(), k -> new ArrayList<>()).add(new CellMetrics.Item(s, t, c));
        }
        List<ExperimentReport.Cell> out = new ArrayList<>();
        TreeSet<String> taskIds = new TreeSet<>();
        for (ExperimentCell cell : cells) {
            CellMetrics.Result r = CellMetrics.compute(byCell.getOrDefault(cell.index(), List.of()), judge);
            taskIds.addAll(r.perTask().keySet());
            out.add(new ExperimentReport.Cell(cell, r));
        }
        return new ExperimentReport(experimentId, name, judge.method(), out, paired(cells, assistants, slots, seed),
                List.copyOf(taskIds));
    }

    private static List<ExperimentReport.Paired> paired(List<ExperimentCell> cells, int assistants,
                                                        List<ExperimentSlot> slots, long seed) {
        Map<Integer, Map<String, Boolean>> outcome = new HashMap<>();
        for (ExperimentSlot s : slots) {
            if (s.status() == SlotStatus.DONE && s.solved() != null) {
                outcome.computeIfAbsent(s.cell(), k -> new HashMap<>()).put(s.taskId() + "\u0000" + s.run(), s.solved());
            }
        }
        Map<Integer, ExperimentCell> byIndex = new HashMap<>();
        cells.forEach(c -> byIndex.put(c.index(), c));
        int sims = assistants == 0 ? 0 : cells.size() / assistants;
        List<ExperimentReport.Paired> out = new ArrayList<>();
        for (int a = 0; a < assistants; a++) {
            for (int i = 0; i < sims; i++) {
                for (int j = i + 1; j < sims; j++) {
                    ExperimentCell ci = byIndex.get(i * assistants + a);
                    ExperimentCell cj = byIndex.get(j * assistants + a);
                    if (ci == null || cj == null) {
                        continue;
                    }
                    Map<String, Boolean> x = outcome.getOrDefault(ci.index(), Map.of());
                    Map<String, Boolean> y = outcome.getOrDefault(cj.index(), Map.of());
                    List<PairedTest.Pair> pairs = new ArrayList<>();
                    for (Map.Entry<String, Boolean> e : new TreeMap<>(x).entrySet()) {
                        Boolean other = y.get(e.getKey());
                        if (other != null) {
                            pairs.add(new PairedTest.Pair(e.getValue(), other));
                        }
                    }
                    out.add(new ExperimentReport.Paired(ci.assistant(), ci.simulator(), cj.simulator(), pairs.size(),
                            PairedTest.difference(pairs, seed), PairedTest.mcNemarExact(pairs)));
                }
            }
        }
        return out;
    }
}
