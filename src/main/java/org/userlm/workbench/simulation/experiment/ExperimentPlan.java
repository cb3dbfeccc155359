package org.userlm.workbench.simulation.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.domain.ExperimentConfig;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.tasks.BundledTasks;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.tasks.TaskFormatException;

/**
 * What an experiment runs: its tasks (resolved from the config's filter), its cells, and the slots of one shard.
 * Slots are ordered run by run and task by task with every cell side by side, so paired results arrive early.
 *
 * @param experimentId the experiment's id (from the config)
 * @param configJson   the config as given
 * @param config       the parsed config
 * @param tasks        the tasks, by id, in order
 * @param cells        every cell of the experiment
 * @param shard        this process's shard (cells {@code k} with {@code k mod n == i - 1})
 */
public record ExperimentPlan(String experimentId, String configJson, ExperimentConfig config, Map<String, Task> tasks,
                             List<ExperimentCell> cells, Shard shard) {

    /**
     * Shard {@code index} of {@code count}, counted from 1 ({@code --shard 2/3}).
     *
     * @param index 1..count
     * @param count number of shards
     */
    public record Shard(int index, int count) {
        /** All cells. */
        public static final Shard ALL = new Shard(1, 1);

        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N (shards count from 1), got "
                        + index + "/" + count);
            }
        }

        /** Parses {@code I/N}. */
        public static Shard parse(String s) {
            String[] p = s.strip().split("/");
            try {
                if (p.length == 2) {
                    return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--shard must look like 1/4, not \"" + s + "\"");
        }

        /** Whether this shard runs the cell. */
        public boolean owns(int cell) {
            return cell % count == index - 1;
        }
    }

    /**
     * Resolves a config.
     *
     * @throws IllegalArgumentException when the config is bad or selects no task (the message names the key)
     * @throws TaskFormatException      when the task file cannot be read
     */
    public static ExperimentPlan of(String configJson, Shard shard) throws TaskFormatException {
        ExperimentConfig config = ExperimentConfigs.parse(configJson);
        return new ExperimentPlan(ExperimentConfigs.experimentId(configJson), configJson, config,
                tasks(config), cells(config), shard);
    }

    /** A stored experiment's plan over the tasks it already holds (a resume: the task file may be elsewhere). */
    public static ExperimentPlan stored(String experimentId, String configJson, Map<String, Task> tasks) {
        ExperimentConfig config = ExperimentConfigs.parse(configJson);
        return new ExperimentPlan(experimentId, configJson, config, tasks, cells(config), Shard.ALL);
    }

    static Map<String, Task> tasks(ExperimentConfig config) throws TaskFormatException {
        ExperimentConfig.TaskFilter f = config.tasks();
        List<Task> all = f.file() == null ? BundledTasks.load() : TaskFiles.load(Path.of(f.file()));
        Map<String, Task> byId = new LinkedHashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        List<Task> chosen = new ArrayList<>();
        if (f.ids() != null) {
            for (String id : f.ids()) {
                Task t = byId.get(id);
                if (t == null) {
                    throw new IllegalArgumentException("tasks.ids: no task \"" + id + "\" in "
                            + (f.file() == null ? "the bundled set" : f.file()));
                }
                chosen.add(t);
            }
        } else {
            chosen.addAll(byId.values());
        }
        if (f.kind() != null) {
            chosen.removeIf(t -> t.kind() != f.kind());
        }
        if (f.sample() != null && f.sample() < chosen.size()) {
            List<Task> shuffled = new ArrayList<>(chosen);
            Collections.shuffle(shuffled, new Random(config.seed()));
            Set<Task> keep = Set.copyOf(shuffled.subList(0, f.sample()));
            chosen.removeIf(t -> !keep.contains(t));
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("tasks: the filter selects no task");
        }
        Map<String, Task> out = new LinkedHashMap<>();
        chosen.forEach(t -> out.put(t.id(), t));
        return out;
    }

    static List<ExperimentCell> cells(ExperimentConfig c) {
        List<ExperimentCell> out = new ArrayList<>();
        for (int s = 0; s < c.simulators().size(); s++) {
            for (int a = 0; a < c.assistants().size(); a++) {
                out.add(new ExperimentCell(c.cell(s, a), c.simulators().get(s).name(), c.assistants().get(a).name()));
            }
        }
        return out;
    }

    /** The slots of this shard, in running order (run, task, cell). */
    public List<ExperimentSlot> slots() {
        List<ExperimentSlot> out = new ArrayList<>();
        for (int r = 0; r < config.runs(); r++) {
            for (String taskId : tasks.keySet()) {
                for (ExperimentCell cell : cells) {
                    if (shard.owns(cell.index())) {
                        out.add(ExperimentSlot.planned(cell.index(), taskId, r));
                    }
                }
            }
        }
        return out;
    }

    /** The conversation seed of a slot: the same for every cell, so simulators meet the same assistant draws. */
    public long seedOf(String taskId, int run) {
        return config.seed() + 1000L * (taskId.hashCode() & 0xfffff) + run;
    }
}
