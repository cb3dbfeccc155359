package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * An experiment: tasks × simulator profiles × assistant profiles × {@code runs} conversations per cell
 * (the JSON contract of issue 11, parsed by {@code ExperimentConfigs}).
 *
 * @param name           display name
 * @param tasks          which tasks
 * @param simulators     simulator profiles (1+)
 * @param assistants     assistant profiles (1+)
 * @param runs           conversations per (cell, task)
 * @param maxTurns       at most this many user turns per conversation
 * @param seed           base seed (task sampling, conversation seeds, bootstrap)
 * @param concurrency    requests in flight per endpoint (base URL); a local model always takes 1
 * @param stopWhenSolved end a conversation once the assistant's answer grades correct
 * @param judge          the judge model for adherence and coverage metrics, or null (heuristics)
 */
public record ExperimentConfig(String name, TaskFilter tasks, List<ExperimentSimulator> simulators,
                               List<ExperimentAssistant> assistants, int runs, int maxTurns, long seed,
                               int concurrency, boolean stopWhenSolved, Judge judge) {
    public ExperimentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tasks, "tasks");
        simulators = List.copyOf(simulators);
        assistants = List.copyOf(assistants);
    }

    /**
     * Which tasks: a file (null: the bundled set), narrowed by ids and kind, then optionally a seeded sample.
     *
     * @param file   task file path, or null for the bundled set
     * @param ids    task ids to keep, or null for all
     * @param kind   task kind to keep, or null for all
     * @param sample keep a random sample of this many (seeded), or null for all
     */
    public record TaskFilter(String file, List<String> ids, TaskKind kind, Integer sample) {
        public TaskFilter {
            ids = ids == null ? null : List.copyOf(ids);
        }
    }

    /**
     * One simulator profile; {@code urls} are served round-robin (replicas of one model).
     *
     * @param settings the profile (its backend holds the first URL)
     * @param urls     every base URL of the profile, 1+
     */
    public record ExperimentSimulator(SimulatorSettings settings, List<String> urls) {
        public ExperimentSimulator {
            urls = List.copyOf(urls);
        }

        public String name() {
            return settings.name();
        }
    }

    /**
     * One assistant profile; {@code urls} are served round-robin.
     *
     * @param settings the assistant (its backend holds the first URL)
     * @param urls     every base URL, 1+
     */
    public record ExperimentAssistant(AssistantSettings settings, List<String> urls) {
        public ExperimentAssistant {
            urls = List.copyOf(urls);
        }

        public String name() {
            return settings.name();
        }
    }

    /**
     * A judge model on an OpenAI-compatible server.
     *
     * @param url   base URL
     * @param model model name
     */
    public record Judge(String url, String model) {
    }

    /** Number of cells: simulators × assistants. */
    public int cellCount() {
        return simulators.size() * assistants.size();
    }

    /** Cell index of (simulator s, assistant a). */
    public int cell(int s, int a) {
        return s * assistants.size() + a;
    }
}
