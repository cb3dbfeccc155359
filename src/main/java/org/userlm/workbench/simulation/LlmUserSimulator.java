package org.userlm.workbench.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.InferenceException;

/**
 * A user simulator backed by a language model: draws a candidate, checks it against the guardrails and redraws up
 * to {@code maxRetries} times; when every draw breaks a rule it keeps the last one and says so on the turn.
 */
abstract class LlmUserSimulator implements UserSimulator {
    protected final ChatModel model;
    protected final GenerationParams params;
    protected final GuardrailSettings guardrails;

    LlmUserSimulator(ChatModel model, GenerationParams params, GuardrailSettings guardrails) {
        this.model = model;
        this.params = params;
        this.guardrails = guardrails;
    }

    /** The prompt exactly as the model must see it. */
    abstract List<ChatMessage> messages(SimulationState state);

    /** Sampling-time bans to ask the backend for (always re-checked here). */
    abstract Constraints constraints(SimulationState state);

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public UserTurn nextTurn(SimulationState state, TurnStream stream, CancellationToken cancel)
            throws InferenceException {
        List<GuardrailEvent> events = new ArrayList<>();
        List<ChatMessage> messages = messages(state);
        events.addAll(RoleForgery.events(messages));
        Constraints constraints = constraints(state);
        int attempts = 1 + Math.max(0, guardrails.maxRetries());
        for (int attempt = 1; ; attempt++) {
            GenerationParams p = params.withSeed(state.seedFor(attempt))
                    .withMaxNewTokens(guardrails.maxNewTokens() > 0 ? guardrails.maxNewTokens() : params.maxNewTokens());
            Candidate c = Candidate.generate(model, new GenerationRequest(messages, p, constraints, List.of()),
                    stream, cancel);
            if (c.cancelled()) {
                return turn(c, c.content(), false, true, events, p);
            }
            Optional<Guardrails.Violation> v = Guardrails.check(guardrails, c.content(), c.ended(),
                    state.userTurns(), state.intent());
            if (v.isEmpty()) {
                return turn(c, c.content(), c.ended(), false, events, p);
            }
            boolean last = attempt >= attempts;
            GuardrailEvent e = new GuardrailEvent(v.get().rule(), c.raw().strip(),
                    last ? "kept_last" : "regenerated", v.get().detail(), attempt);
            events.add(e);
            if (last) {
                // Keep the last candidate, but a banned end never ends the conversation.
                boolean ends = c.ended() && !Guardrails.TERMINATION.equals(v.get().rule());
                return turn(c, c.content(), ends, false, events, p);
            }
            stream.onRedraw(e);
        }
    }

    private static UserTurn turn(Candidate c, String content, boolean ends, boolean cancelled,
                                 List<GuardrailEvent> events, GenerationParams p) {
        return new UserTurn(content, c.raw(), ends, cancelled, events, p, c.promptTokens(), c.completionTokens(),
                c.firstTokenMs(), null);
    }
}
