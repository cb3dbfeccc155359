package org.userlm.workbench.simulation.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.Graders;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.simulation.ConversationSpec;
import org.userlm.workbench.simulation.Intents;
import org.userlm.workbench.simulation.SolvedCheck;
import org.userlm.workbench.simulation.SystemPrompts;
import org.userlm.workbench.simulation.UserSimulator;

/**
 * Builds an experiment conversation's spec the way {@code compare} and {@code simulate} do (intent from the task and
 * the profile's template, the per-kind assistant prompt when none is given, "stop when solved" via the graders).
 * The one place to switch to the shared conversation builder once it exists.
 */
final class ConversationFactory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationFactory() {
    }

    static ConversationSpec spec(String conversationId, String runId, String experimentId, ExperimentSlot slot,
                                 Task task, SimulatorSettings profile, UserSimulator user, AssistantSettings asst,
                                 ChatModel assistant, int maxTurns, long seed, boolean stopWhenSolved) {
        String systemPrompt = asst.systemPrompt() != null ? asst.systemPrompt()
                : SystemPrompts.assistantDefault(task.kind());
        SolvedCheck solved = stopWhenSolved ? (t, reply) -> Graders.grade(t, reply).correct() : SolvedCheck.NEVER;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("experiment_id", experimentId);
        settings.put("cell", slot.cell());
        settings.put("run", slot.run());
        settings.put("simulator", profile);
        settings.put("assistant", asst);
        String json;
        try {
            json = JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise experiment settings", e);
        }
        return new ConversationSpec(conversationId, runId, profile.name() + " · " + asst.name() + " · " + task.id()
                + " #" + (slot.run() + 1), task, Intents.fromTask(task, profile.intentTemplate()).text(), user,
                assistant, asst.backend().model(), systemPrompt, asst.params(), maxTurns, seed, solved, json,
                List.of(), null);
    }
}
