package org.userlm.workbench.simulation.experiment;

import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.simulation.ConversationSettings;
import org.userlm.workbench.simulation.ConversationSpec;
import org.userlm.workbench.simulation.UserSimulator;

/**
 * An experiment conversation's spec, built by the shared {@link org.userlm.workbench.simulation.ConversationFactory}
 * (the same requests as the window, {@code simulate} and Compare), with the slot's conversation id, which the
 * experiment stores before the conversation starts.
 */
final class ConversationFactory {
    private ConversationFactory() {
    }

    static ConversationSpec spec(String conversationId, String runId, String experimentId, ExperimentSlot slot,
                                 Task task, SimulatorSettings profile, UserSimulator user, AssistantSettings asst,
                                 ChatModel assistant, int maxTurns, long seed, boolean stopWhenSolved) {
        ConversationSettings s = new ConversationSettings(profile, asst, null, maxTurns, stopWhenSolved, null);
        ConversationSpec p = org.userlm.workbench.simulation.ConversationFactory.spec(s, task, user, assistant,
                org.userlm.workbench.simulation.ConversationFactory.Placement.of(runId, profile.name() + " · "
                        + asst.name() + " · " + task.id() + " #" + (slot.run() + 1)).withSeed(seed)
                        .with("experiment_id", experimentId).with("cell", slot.cell()).with("run", slot.run()));
        return new ConversationSpec(conversationId, p.runId(), p.title(), p.task(), p.intent(), p.user(),
                p.assistant(), p.assistantModelName(), p.assistantSystemPrompt(), p.assistantParams(),
                p.maxUserTurns(), p.seed(), p.solvedCheck(), p.settingsJson(), p.initialTurns(), p.parentId());
    }
}
