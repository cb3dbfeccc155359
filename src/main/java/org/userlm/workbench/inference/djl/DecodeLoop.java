package org.userlm.workbench.inference.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.ContextFullException;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;

/**
 * One generation on the worker thread: one prefill (of the prompt's part that the KV cache does not already hold
 * from the previous call, see {@link LlamaForward#keepPrefix}), then one token per step over the KV cache; logits
 * processors, sampling, end ids, stop strings, streaming and cancellation between tokens.
 */
final class DecodeLoop implements Callable<LocalGeneration> {
    private final LocalLlamaModel model;
    private final long[] prompt;
    private final GenerationParams params;
    private final Constraints constraints;
    private final List<String> stopStrings;
    private final TokenListener listener;
    private final CancellationToken cancel;
    private volatile StreamDecoder decoder;

    DecodeLoop(LocalLlamaModel model, long[] prompt, GenerationParams params, Constraints constraints,
               List<String> stopStrings, TokenListener listener, CancellationToken cancel) {
        this.model = model;
        this.prompt = prompt.clone();
        this.params = params == null ? model.defaults() : params;
        this.constraints = constraints == null ? Constraints.NONE : constraints;
        this.stopStrings = stopStrings == null ? List.of() : stopStrings;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** Text decoded so far (for a failure report). */
    String partialText() {
        StreamDecoder d = decoder;
        return d == null ? "" : d.text();
    }

    @Override
    public LocalGeneration call() throws InferenceException {
        long t0 = System.nanoTime();
        LlamaForward fw = model.forward();
        GenerationParams def = model.defaults();
        int maxNew = params.maxNewTokens() != null ? params.maxNewTokens()
                : def.maxNewTokens() != null ? def.maxNewTokens() : 256;
        if (prompt.length == 0) {
            throw new InferenceException("empty prompt");
        }
        if (prompt.length >= fw.capacity()) {
            throw new ContextFullException("prompt of " + prompt.length + " tokens does not fit the context of "
                    + fw.capacity() + " tokens", prompt.length, fw.capacity(), "");
        }
        Sampler sampler = new Sampler(pick(params.temperature(), def.temperature(), 0.0),
                pick(params.topP(), def.topP(), 1.0), params.topK() != null ? params.topK()
                : def.topK() != null ? def.topK() : 0, params.seed());
        ConstraintMasks masks = new ConstraintMasks(constraints, model.tokenizer(), model.folder().config().vocabSize());
        StreamDecoder dec = new StreamDecoder(model.tokenizer(), stopStrings);
        decoder = dec;
        List<Long> out = new ArrayList<>();
        int reused = model.prefixReuse() ? fw.keepPrefix(prompt) : 0;
        if (reused == 0) {
            fw.reset();
        }
        FinishReason reason = FinishReason.LENGTH;
        long firstToken = -1;
        long prefill = 0;
        if (maxNew > 0 && !cancel.isCancelled()) {
            float[] logits = fw.forward(reused == 0 ? prompt : Arrays.copyOfRange(prompt, reused, prompt.length));
            prefill = System.nanoTime() - t0;
            while (true) {
                if (cancel.isCancelled()) {
                    reason = FinishReason.CANCELLED;
                    break;
                }
                masks.apply(logits, dec.text());
                int id = sampler.sample(logits);
                if (firstToken < 0) {
                    firstToken = System.nanoTime() - t0;
                }
                out.add((long) id);
                if (model.endIds().contains(id)) {
                    reason = FinishReason.STOP;
                    break;
                }
                if (dec.add(id) >= 0) {
                    reason = FinishReason.STOP;
                    break;
                }
                emit(dec.take(false));
                if (out.size() >= maxNew) {
                    break;
                }
                if (fw.length() >= fw.capacity()) {
                    // Never cut a reply silently: the conversation ends with context_full, the text is kept.
                    emit(dec.take(true));
                    throw new ContextFullException("the context of " + fw.capacity() + " tokens filled up after "
                            + out.size() + " generated tokens", fw.length(), fw.capacity(), dec.text());
                }
                logits = fw.forward(new long[] {id});
            }
        } else if (cancel.isCancelled()) {
            reason = FinishReason.CANCELLED;
        }
        emit(dec.take(true));
        long[] gen = out.stream().mapToLong(Long::longValue).toArray();
        return new LocalGeneration(prompt, gen, dec.text(), reason, prefill, firstToken, System.nanoTime() - t0,
                reused);
    }

    private void emit(String delta) {
        if (!delta.isEmpty()) {
            listener.onText(delta);
        }
    }

    private static double pick(Double a, Double b, double d) {
        return a != null ? a : b != null ? b : d;
    }
}
