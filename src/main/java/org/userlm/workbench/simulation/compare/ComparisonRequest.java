package org.userlm.workbench.simulation.compare;

import java.util.List;
import java.util.Objects;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;

/**
 * What to compare: one task, one assistant, 1–4 simulator profiles (the view asks for 2–4), each run
 * {@code repeats} times.
 *
 * @param title          display title (null: derived from the task)
 * @param task           the task
 * @param assistant      the assistant under test
 * @param profiles       one simulator profile per column
 * @param repeats        conversations per profile (N ≥ 1)
 * @param maxUserTurns   at most this many user turns per conversation
 * @param stopWhenSolved end a conversation with {@code solved} once an answer grades correct
 * @param seed           base seed, or null
 */
public record ComparisonRequest(String title, Task task, AssistantSettings assistant, List<SimulatorSettings> profiles,
                                int repeats, int maxUserTurns, boolean stopWhenSolved, Long seed) {
    /** The most columns a comparison shows. */
    public static final int MAX_COLUMNS = 4;

    public ComparisonRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(assistant, "assistant");
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty() || profiles.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("a comparison has 1 to " + MAX_COLUMNS + " simulator profiles, got "
                    + profiles.size());
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (maxUserTurns < 1) {
            throw new IllegalArgumentException("max user turns must be at least 1, got " + maxUserTurns);
        }
        if (title == null || title.isBlank()) {
            title = "Compare: " + (task.title() == null ? task.id() : task.title());
        }
    }
}
