package org.userlm.workbench.inference;

/**
 * A model that generates text from a conversation. Implemented by the OpenAI-compatible client and the
 * in-process DJL engine, so every simulator and the UI can use either.
 *
 * <p>{@link #generate} blocks the calling thread until the generation ends; tokens are delivered to the
 * listener on the backend's own thread (see {@link TokenListener}). Implementations are thread-safe; an
 * in-process engine serialises calls on the one worker thread that owns the model.
 */
public interface ChatModel extends AutoCloseable {

    /**
     * Generates one completion.
     *
     * @return the result; when cancelled, a result with {@link FinishReason#CANCELLED} and the partial text
     * @throws InferenceException when the backend fails; its {@code partialText} holds what streamed before
     */
    GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel)
            throws InferenceException;

    /** The model name as shown to the researcher and written in exports. */
    String modelName();

    /** What this backend supports. */
    ModelCapabilities capabilities();

    @Override
    default void close() {
    }
}
