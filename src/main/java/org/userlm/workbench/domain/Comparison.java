package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * A side-by-side comparison: the same task and assistant against 2–4 user simulator profiles, each run
 * {@code repeats} times. Its conversations are ordinary stored conversations of the run {@code runId}.
 *
 * @param id           UUID string
 * @param runId        the run (kind {@code compare}) its conversations belong to
 * @param taskId       the task
 * @param title        display title
 * @param assistant    the assistant under test (API keys are never stored: only env-variable names)
 * @param profiles     the simulator profiles, one per column, in column order
 * @param repeats      conversations per profile (N)
 * @param maxUserTurns at most this many user turns per conversation
 * @param createdAtMs  epoch millis
 */
public record Comparison(String id, String runId, String taskId, String title, AssistantSettings assistant,
                         List<SimulatorSettings> profiles, int repeats, int maxUserTurns, long createdAtMs) {
    public Comparison {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskId, "taskId");
        profiles = List.copyOf(profiles == null ? List.of() : profiles);
        repeats = Math.max(1, repeats);
    }
}
