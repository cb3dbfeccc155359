package org.userlm.workbench.inference;

/**
 * The outcome of one generation.
 *
 * @param text              the generated text exactly as produced (not stripped)
 * @param finishReason      why it stopped
 * @param promptTokens      prompt tokens (reported by the server or counted), or -1 when unknown
 * @param completionTokens  generated tokens (reported, counted, or stream chunks), or -1 when unknown
 * @param firstTokenNanos   nanos from the call to the first token, or -1 when none came
 * @param totalNanos        nanos of the whole call
 */
public record GenerationResult(String text, FinishReason finishReason, int promptTokens, int completionTokens,
                               long firstTokenNanos, long totalNanos) {
}
