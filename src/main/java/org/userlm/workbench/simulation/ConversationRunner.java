package org.userlm.workbench.simulation;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ContextFullException;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.storage.ConversationRepository;

/**
 * Alternates user and assistant turns until the user ends, {@code maxUserTurns} user turns are answered, the
 * assistant solves the task (when that rule is on), the sharded simulator has revealed every shard and the assistant
 * answered, a prompt no longer fits a model's context ({@code context_full}), the researcher stops, or a backend
 * fails. Every turn is stored
 * durably when it finishes and checkpointed while it streams.
 *
 * <p>Isolation (PROTOCOL.md section 1): the assistant sees only its system prompt and the turns; the user simulator
 * sees only the intent, the task and the turns ({@link SimulationState} has no assistant system prompt).
 *
 * <p>{@link #run} blocks the calling thread, which is the thread every listener callback fires on.
 */
public final class ConversationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationRunner.class);
    private final ConversationRepository store;

    public ConversationRunner(ConversationRepository store) {
        this.store = store;
    }

    /** Runs the conversation to its end and returns it as stored. */
    public Conversation run(ConversationSpec spec, ConversationListener listener, RunControl control) {
        Conversation conv = new Conversation(spec.conversationId(), spec.runId(), spec.task().id(), spec.title(),
                spec.user().kind(), spec.user().modelName(), spec.assistantModelName(), spec.intent(),
                spec.assistantSystemPrompt(), spec.settingsJson(), null, spec.parentId(),
                spec.parentId() == null ? null : spec.initialTurns().size(), System.currentTimeMillis(),
                spec.initialTurns());
        store.create(conv);
        listener.onConversationStarted(conv);
        List<Turn> turns = new ArrayList<>(spec.initialTurns());
        EndReason reason;
        try {
            reason = loop(spec, turns, listener, control);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = EndReason.CANCELLED;
        }
        store.finish(conv.id(), reason);
        Conversation done = conv.withTurns(turns).withEndedBy(reason);
        listener.onConversationEnded(done);
        return done;
    }

    private EndReason loop(ConversationSpec spec, List<Turn> turns, ConversationListener listener,
                           RunControl control) throws InterruptedException {
        while (true) {
            boolean userNext = turns.isEmpty() || turns.get(turns.size() - 1).role() == Role.ASSISTANT;
            long userTurns = turns.stream().filter(t -> t.role() == Role.USER).count();
            if (userNext && userTurns >= spec.maxUserTurns()) {
                return EndReason.MAX_TURNS;
            }
            if (!control.awaitTurnPermit()) {
                return EndReason.CANCELLED;
            }
            EndReason end = userNext ? userTurn(spec, turns, listener, control.cancellation())
                    : assistantTurn(spec, turns, listener, control.cancellation());
            if (end != null) {
                return end;
            }
        }
    }

    private EndReason userTurn(ConversationSpec spec, List<Turn> turns, ConversationListener listener,
                               CancellationToken cancel) {
        SimulationState state = new SimulationState(spec.task(), spec.intent(), turns, spec.seed());
        EndReason before = spec.user().endBeforeTurn(state);
        if (before != null) {
            return before;
        }
        TurnRecorder rec = new TurnRecorder(store, spec.conversationId(), listener, turns.size(), Role.USER,
                spec.user().modelName());
        UserTurn u;
        try {
            u = spec.user().nextTurn(state, rec, cancel);
        } catch (ContextFullException e) {
            turns.add(rec.finish(new TurnRecorder.Outcome(e.partialText(), e.partialText(), TurnStatus.FAILED,
                    e.describe(), null, null, null, List.of(), false, null)));
            return EndReason.CONTEXT_FULL;
        } catch (InferenceException e) {
            LOG.warn("user turn failed in conversation {}", spec.conversationId(), e);
            turns.add(rec.finish(new TurnRecorder.Outcome(e.partialText(), e.partialText(), TurnStatus.FAILED,
                    e.getMessage(), null, null, null, List.of(), false, null)));
            return EndReason.ERROR;
        }
        if (u.cancelled() && u.content().isEmpty()) {
            // Stopped before the user wrote anything (e.g. while the researcher was to type): no empty bubble.
            store.deleteTurn(spec.conversationId(), turns.size());
            return EndReason.CANCELLED;
        }
        if (u.cancelled()) {
            turns.add(rec.finish(outcome(u, TurnStatus.CANCELLED, null)));
            return EndReason.CANCELLED;
        }
        if (u.endsConversation() && u.content().isEmpty()) {
            if (u.events().isEmpty()) {
                // The user ended with nothing to say: no turn is stored (PROTOCOL.md section 2).
                store.deleteTurn(spec.conversationId(), turns.size());
            } else {
                // Every redraw was an empty ending: keep the record of what the guardrails saw (an empty turn,
                // left out of turn counts and words per turn by the metrics).
                turns.add(rec.finish(outcome(u, TurnStatus.COMPLETE, null)));
            }
            return EndReason.USER_ENDED;
        }
        if (u.content().isEmpty()) {
            turns.add(rec.finish(outcome(u, TurnStatus.FAILED, "the user simulator produced no usable turn")));
            return EndReason.ERROR;
        }
        turns.add(rec.finish(outcome(u, TurnStatus.COMPLETE, null)));
        return u.endsConversation() ? EndReason.USER_ENDED : null;
    }

    private static TurnRecorder.Outcome outcome(UserTurn u, TurnStatus status, String error) {
        return new TurnRecorder.Outcome(u.content(), u.rawText(), status, error, u.promptTokens(),
                u.completionTokens(), u.params(), u.events(), u.endsConversation(), u.shardId());
    }

    private EndReason assistantTurn(ConversationSpec spec, List<Turn> turns, ConversationListener listener,
                                    CancellationToken cancel) {
        List<ChatMessage> messages = new ArrayList<>();
        if (spec.assistantSystemPrompt() != null && !spec.assistantSystemPrompt().isBlank()) {
            messages.add(ChatMessage.system(spec.assistantSystemPrompt()));
        }
        for (Turn t : turns) {
            messages.add(new ChatMessage(t.role(), t.content()));
        }
        GenerationParams p = spec.assistantParams();
        if (spec.seed() != null) {
            p = p.withSeed(spec.seed() * 1_000_003L + turns.size());
        }
        TurnRecorder rec = new TurnRecorder(store, spec.conversationId(), listener, turns.size(), Role.ASSISTANT,
                spec.assistantModelName());
        GenerationResult r;
        try {
            r = spec.assistant().generate(new GenerationRequest(messages, p), rec, cancel);
        } catch (ContextFullException e) {
            String partial = e.partialText().isEmpty() ? rec.text() : e.partialText();
            turns.add(rec.finish(new TurnRecorder.Outcome(partial.strip(), partial, TurnStatus.FAILED,
                    e.describe(), null, null, p, List.of(), false, null)));
            return EndReason.CONTEXT_FULL;
        } catch (InferenceException e) {
            LOG.warn("assistant turn failed in conversation {}", spec.conversationId(), e);
            String partial = e.partialText().isEmpty() ? rec.text() : e.partialText();
            turns.add(rec.finish(new TurnRecorder.Outcome(partial.strip(), partial, TurnStatus.FAILED,
                    e.getMessage(), null, null, p, List.of(), false, null)));
            return EndReason.ERROR;
        }
        boolean cancelled = r.finishReason() == FinishReason.CANCELLED;
        Turn t = rec.finish(new TurnRecorder.Outcome(r.text().strip(), r.text(),
                cancelled ? TurnStatus.CANCELLED : TurnStatus.COMPLETE, null,
                r.promptTokens() < 0 ? null : r.promptTokens(),
                r.completionTokens() < 0 ? null : r.completionTokens(), p, RoleForgery.events(messages), false, null));
        turns.add(t);
        if (cancelled) {
            return EndReason.CANCELLED;
        }
        return spec.solvedCheck().solved(spec.task(), t.content()) ? EndReason.SOLVED : null;
    }
}
