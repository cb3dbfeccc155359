package org.userlm.workbench.inference.djl;

import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationResult;

/**
 * One in-process generation with the detail the CLI and the benchmark need.
 *
 * @param promptIds        the prompt as fed to the model
 * @param generatedIds     every sampled id, including a final end id
 * @param text             generated text (no end-of-turn token; cut at a stop string)
 * @param finishReason     why it stopped
 * @param prefillNanos     time of the prompt forward pass
 * @param firstTokenNanos  from the start to the first sampled token
 * @param totalNanos       whole generation
 * @param reusedTokens     prompt tokens whose keys and values came from the previous call's KV cache
 */
public record LocalGeneration(long[] promptIds, long[] generatedIds, String text, FinishReason finishReason,
                              long prefillNanos, long firstTokenNanos, long totalNanos,
                              int reusedTokens) {
    /** As the engine-neutral result. */
    public GenerationResult toResult() {
        return new GenerationResult(text, finishReason, promptIds.length, generatedIds.length,
                generatedIds.length == 0 ? -1 : firstTokenNanos, totalNanos);
    }
}
