package org.userlm.workbench.simulation;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.Constraints;

/**
 * UserLM (PROTOCOL.md sections 1-3): the intent is the system message, the user's own turns keep the {@code user}
 * role and the assistant's the {@code assistant} role; the model's chat template ends with a {@code user} header so
 * the completion is the next user turn.
 */
public final class UserLmSimulator extends LlmUserSimulator {

    public UserLmSimulator(ChatModel model, GenerationParams params, GuardrailSettings guardrails) {
        super(model, params, guardrails);
    }

    @Override
    public String kind() {
        return "userlm";
    }

    @Override
    List<ChatMessage> messages(SimulationState state) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(ChatMessage.system(state.intent()));
        for (Turn t : state.turns()) {
            out.add(new ChatMessage(t.role() == Role.USER ? Role.USER : Role.ASSISTANT, t.content()));
        }
        return out;
    }

    @Override
    Constraints constraints(SimulationState state) {
        if (!guardrails.useServerBans()) {
            return Constraints.NONE;
        }
        List<String> firstWords = guardrails.filterFirstTokens() ? guardrails.bannedFirstTokens() : List.of();
        List<String> banned = guardrails.endBanned(state.userTurns().size()) ? List.of(EndMarker.TEXT) : List.of();
        return new Constraints(firstWords, banned);
    }
}
