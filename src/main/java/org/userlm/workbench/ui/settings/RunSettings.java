package org.userlm.workbench.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.ConversationFactory;
import org.userlm.workbench.simulation.ConversationSettings;

/**
 * An immutable snapshot of everything a Start needs, taken on the FX thread and handed to the runner thread.
 * Stored with the conversation as JSON (backend env-var names only, never keys) so it can be re-run.
 */
public record RunSettings(Task task, String intent, SimulatorSettings simulator, AssistantSettings assistant,
                          Integer maxUserTurns, boolean stopWhenSolved, boolean takeOver, GraderMode grader,
                          BackendSettings judge) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunSettings {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(assistant, "assistant");
        grader = grader == null ? GraderMode.defaultMode() : grader;
    }

    /** With the default grader mode. */
    public RunSettings(Task task, String intent, SimulatorSettings simulator, AssistantSettings assistant,
                       Integer maxUserTurns, boolean stopWhenSolved, boolean takeOver) {
        this(task, intent, simulator, assistant, maxUserTurns, stopWhenSolved, takeOver, null, null);
    }

    /** Without a judge. */
    public RunSettings(Task task, String intent, SimulatorSettings simulator, AssistantSettings assistant,
                       Integer maxUserTurns, boolean stopWhenSolved, boolean takeOver, GraderMode grader) {
        this(task, intent, simulator, assistant, maxUserTurns, stopWhenSolved, takeOver, grader, null);
    }

    /** What the conversation factory builds from (the take-over switch is the window's own). */
    public ConversationSettings conversationSettings() {
        return new ConversationSettings(simulator, assistant, intent, maxUserTurns, stopWhenSolved, grader, judge);
    }

    /** The stored form (written by {@link ConversationFactory#settingsJson}): the task by id. */
    record Stored(String taskId, String intent, SimulatorSettings simulator, AssistantSettings assistant,
                  Integer maxUserTurns, boolean stopWhenSolved, String grader, BackendSettings judge) {
    }

    /** The JSON stored with the conversation. */
    public String toJson() {
        return ConversationFactory.settingsJson(conversationSettings(), task, Map.of());
    }

    /** Parses stored settings; empty when they are missing, unreadable or the task is gone. */
    public static Optional<RunSettings> fromJson(String json, List<Task> tasks) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            Stored s = JSON.readValue(json, Stored.class);
            return tasks.stream().filter(t -> t.id().equals(s.taskId())).findFirst()
                    .map(t -> new RunSettings(t, s.intent(), s.simulator(), s.assistant(), s.maxUserTurns(),
                            s.stopWhenSolved(), false, s.grader() == null ? null : GraderMode.fromWire(s.grader()),
                            s.judge()));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public RunSettings withTakeOver(boolean on) {
        return new RunSettings(task, intent, simulator, assistant, maxUserTurns, stopWhenSolved, on, grader, judge);
    }
}
