package org.userlm.workbench.simulation.compare;

import java.util.List;
import java.util.Objects;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.ConversationFactory;
import org.userlm.workbench.simulation.ConversationSettings;

/**
 * What to compare: one task, one assistant, 1–4 simulator profiles (the view asks for 2–4), each run
 * {@code repeats} times.
 *
 * @param title          display title (null: derived from the task)
 * @param task           the task
 * @param assistant      the assistant under test
 * @param profiles       one simulator profile per column
 * @param repeats        conversations per profile (N ≥ 1)
 * @param maxUserTurns   at most this many user turns per conversation; null (or 0): the default of each simulator
 *                       kind ({@link ConversationFactory#maxUserTurns})
 * @param stopWhenSolved end a conversation with {@code solved} once an answer grades correct
 * @param seed           base seed, or null
 * @param grader         grading mode of "stop when solved" and the outcomes (null: lic)
 * @param judge          judge model for turn classification and answer extraction, or null for the heuristic
 */
public record ComparisonRequest(String title, Task task, AssistantSettings assistant, List<SimulatorSettings> profiles,
                                int repeats, Integer maxUserTurns, boolean stopWhenSolved, Long seed,
                                GraderMode grader, BackendSettings judge) {
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
        if (maxUserTurns != null && maxUserTurns < 1) {
            maxUserTurns = null;
        }
        grader = grader == null ? GraderMode.defaultMode() : grader;
        if (title == null || title.isBlank()) {
            title = "Compare: " + (task.title() == null ? task.id() : task.title());
        }
    }

    /** With the default grader mode. */
    public ComparisonRequest(String title, Task task, AssistantSettings assistant, List<SimulatorSettings> profiles,
                             int repeats, int maxUserTurns, boolean stopWhenSolved, Long seed) {
        this(title, task, assistant, profiles, repeats, maxUserTurns, stopWhenSolved, seed, null, null);
    }

    /** The settings of one column's conversations: built by {@link ConversationFactory} like every other. */
    public ConversationSettings settings(SimulatorSettings profile) {
        return new ConversationSettings(profile, assistant, null, maxUserTurns, stopWhenSolved, grader, judge);
    }
}
