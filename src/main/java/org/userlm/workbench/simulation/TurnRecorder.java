package org.userlm.workbench.simulation;

import java.util.List;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.ConversationRepository;

/**
 * The streaming side of one turn: forwards text to the listener and checkpoints it to storage at most every
 * {@link #CHECKPOINT_MILLIS}, so a crash loses less than a second of text. Used on the generating thread only.
 */
final class TurnRecorder implements TurnStream {
    static final long CHECKPOINT_MILLIS = 500;

    private final ConversationRepository store;
    private final String conversationId;
    private final ConversationListener listener;
    private final int index;
    private final Role role;
    private final String model;
    private final long startedAtMs = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private Long firstTokenMs;
    private long lastCheckpointNanos = System.nanoTime();
    private int chunks;

    TurnRecorder(ConversationRepository store, String conversationId, ConversationListener listener, int index,
                 Role role, String model) {
        this.store = store;
        this.conversationId = conversationId;
        this.listener = listener;
        this.index = index;
        this.role = role;
        this.model = model;
        store.checkpoint(conversationId, snapshot(TurnStatus.STREAMING));
        listener.onTurnStarted(index, role);
    }

    @Override
    public void onText(String delta) {
        if (delta.isEmpty()) {
            return;
        }
        if (firstTokenMs == null) {
            firstTokenMs = elapsedMs();
        }
        chunks++;
        text.append(delta);
        listener.onText(index, delta);
        long now = System.nanoTime();
        if (now - lastCheckpointNanos >= CHECKPOINT_MILLIS * 1_000_000) {
            lastCheckpointNanos = now;
            store.checkpoint(conversationId, snapshot(TurnStatus.STREAMING));
        }
    }

    @Override
    public void onRedraw(GuardrailEvent event) {
        text.setLength(0);
        firstTokenMs = null;
        chunks = 0;
        listener.onRedraw(index, event);
    }

    /** The text streamed so far (of the current candidate). */
    String text() {
        return text.toString();
    }

    Long firstTokenMs() {
        return firstTokenMs;
    }

    int chunks() {
        return chunks;
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private Turn snapshot(TurnStatus status) {
        return new Turn(index, role, text.toString(), text.toString(), status, null, startedAtMs, firstTokenMs, null,
                null, null, null, model, List.of(), false, null);
    }

    /** What a finished turn holds besides what the recorder measured. */
    record Outcome(String content, String raw, TurnStatus status, String error, Integer promptTokens,
                   Integer completionTokens, GenerationParams params,
                   List<GuardrailEvent> events, boolean ends, Integer shardId) {
    }

    /** Builds the final turn, stores it durably and tells the listener. */
    Turn finish(Outcome o) {
        Integer completion = o.completionTokens() != null ? o.completionTokens() : (chunks > 0 ? chunks : null);
        Turn t = new Turn(index, role, o.content(), o.raw(), o.status(), o.error(), startedAtMs, firstTokenMs,
                elapsedMs(), o.promptTokens(), completion, o.params(), model, o.events(), o.ends(), o.shardId());
        store.saveTurn(conversationId, t);
        listener.onTurnFinished(t);
        return t;
    }
}
