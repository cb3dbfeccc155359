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
 * to {@code maxRetries} times; when every draw breaks a rule it keeps the last draw that was not empty and records
 * the rules it broke ({@code kept_last}); when every draw was empty the user ends the conversation
 * ({@code ended_empty}). A guardrail never turns into an error.
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
        Candidate keep = null;
        Guardrails.Violation keptViolation = null;
        GenerationParams keptParams = null;
        int keptAttempt = 0;
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
            if (!c.content().isBlank()) {
                keep = c;
                keptViolation = v.get();
                keptParams = p;
                keptAttempt = attempt;
            }
            boolean last = attempt >= attempts;
            GuardrailEvent e = new GuardrailEvent(v.get().rule(), c.raw().strip(), "regenerated", v.get().detail(),
                    attempt);
            if (!last) {
                events.add(e);
                stream.onRedraw(e);
                continue;
            }
            if (keep == null) {
                // Every draw was empty (typically a banned empty ending): the user has nothing to say, so the
                // conversation ends as the user's; the events say why. Never an error.
                events.add(new GuardrailEvent(e.rule(), e.rejectedText(), "ended_empty", e.detail(), attempt));
                return new UserTurn("", c.raw(), true, false, events, p, c.promptTokens(), c.completionTokens(),
                        c.firstTokenMs(), null);
            }
            // Retries exhausted: keep the last candidate that was not empty, with the rules it broke recorded.
            // A banned end never ends the conversation.
            if (keep != c) {
                events.add(e);
                stream.onRedraw(e);
                // The stream showed the last draw; show the kept one again.
                stream.onText(keep.content());
            }
            events.add(new GuardrailEvent(keptViolation.rule(), keep.raw().strip(), "kept_last",
                    keptViolation.detail(), keptAttempt));
            boolean ends = keep.ended() && !Guardrails.TERMINATION.equals(keptViolation.rule());
            return turn(keep, keep.content(), ends, false, events, keptParams);
        }
    }

    private static UserTurn turn(Candidate c, String content, boolean ends, boolean cancelled,
                                 List<GuardrailEvent> events, GenerationParams p) {
        return new UserTurn(content, c.raw(), ends, cancelled, events, p, c.promptTokens(), c.completionTokens(),
                c.firstTokenMs(), null);
    }
}
