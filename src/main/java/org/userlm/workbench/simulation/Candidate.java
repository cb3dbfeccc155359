package org.userlm.workbench.simulation;

import java.util.concurrent.atomic.AtomicBoolean;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;

/**
 * One generated candidate user turn, with the end marker split off.
 *
 * @param raw        the text as generated (possibly cut right after the marker)
 * @param content    the message: stripped, without the marker and anything after it
 * @param ended      the marker was present
 * @param cancelled  the caller cancelled (not our own stop at the marker)
 * @param result     the backend's result
 */
record Candidate(String raw, String content, boolean ended, boolean cancelled, GenerationResult result) {

    /** Splits raw text at the marker. */
    static Candidate of(String raw, boolean cancelled, GenerationResult result) {
        int at = EndMarker.find(raw);
        String before = at >= 0 ? raw.substring(0, at) : raw;
        return new Candidate(raw, before.strip(), at >= 0, cancelled, result);
    }

    /** The message part of partial text from a failed generation. */
    static String contentOf(String raw) {
        return of(raw, false, null).content();
    }

    /**
     * Generates a candidate, streaming only the message part and stopping the backend as soon as the marker shows.
     */
    static Candidate generate(ChatModel model, GenerationRequest request, TurnStream stream, CancellationToken cancel)
            throws InferenceException {
        CancellationToken attempt = new CancellationToken();
        AtomicBoolean stoppedAtMarker = new AtomicBoolean();
        Runnable unhook = cancel.onCancel(attempt::cancel);
        MarkerFilter filter = new MarkerFilter(stream, () -> {
            stoppedAtMarker.set(true);
            attempt.cancel();
        });
        GenerationResult result;
        try {
            result = model.generate(request, filter, attempt);
        } catch (InferenceException e) {
            if (stoppedAtMarker.get()) {
                // We closed the stream ourselves after the marker; what came before it is complete.
                return of(e.partialText(), false, null);
            }
            throw new InferenceException(e.getMessage(), contentOf(e.partialText()), e);
        } finally {
            unhook.run();
        }
        boolean cancelled = result.finishReason() == FinishReason.CANCELLED && !stoppedAtMarker.get();
        return of(result.text(), cancelled, result);
    }

    Integer promptTokens() {
        return result == null || result.promptTokens() < 0 ? null : result.promptTokens();
    }

    Integer completionTokens() {
        return result == null || result.completionTokens() < 0 ? null : result.completionTokens();
    }

    Long firstTokenMs() {
        return result == null || result.firstTokenNanos() < 0 ? null : result.firstTokenNanos() / 1_000_000;
    }
}
