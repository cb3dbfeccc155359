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
 * An assistant model told to play the user (the paper's baseline). Roles ARE swapped: the assistant's turns are sent
 * as {@code user} messages and the simulated user's own turns as {@code assistant} messages. Only the protocol-level
 * rules apply (the first turn never ends the conversation, an empty turn is redrawn), not the UserLM guardrails.
 */
public final class PromptedUserSimulator extends LlmUserSimulator {

    /** The shipped prompt [ours]; {@code {intent}} is replaced by the intent. */
    public static final String DEFAULT_PROMPT = """
            You are role-playing a human user who is chatting with an AI assistant. You are NOT the assistant.
            Your goal as the user:
            {intent}

            Write only your next message to the assistant, the way a real person types it: short, informal, one \
            message at a time. Do not solve the problem yourself and do not give every detail at once; answer the \
            assistant's questions when it asks. When your goal is met or you want to stop, reply with exactly \
            <|endconversation|>.""";

    /** Always the first {@code user} message: chat APIs need one before the simulated user's first turn. */
    public static final String KICKOFF = "(The conversation starts now. Write your first message to the assistant.)";

    private final String prompt;

    public PromptedUserSimulator(ChatModel model, GenerationParams params, String prompt, int maxRetries) {
        super(model, params, withRetries(maxRetries));
        this.prompt = prompt == null || prompt.isBlank() ? DEFAULT_PROMPT : prompt;
    }

    private static GuardrailSettings withRetries(int maxRetries) {
        return GuardrailSettings.off().withMaxRetries(maxRetries);
    }

    @Override
    public String kind() {
        return "prompted";
    }

    @Override
    List<ChatMessage> messages(SimulationState state) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(ChatMessage.system(prompt.replace("{intent}", state.intent())));
        out.add(ChatMessage.user(KICKOFF));
        for (Turn t : state.turns()) {
            out.add(new ChatMessage(t.role() == Role.USER ? Role.ASSISTANT : Role.USER, t.content()));
        }
        return out;
    }

    @Override
    Constraints constraints(SimulationState state) {
        return Constraints.NONE;
    }
}
