package org.userlm.workbench.inference.djl;

import java.nio.file.Path;
import org.userlm.workbench.inference.CancellationToken;

/**
 * The one factory for in-process models: {@code LocalModels.load(dir, options, progress, cancel)}.
 * Loading runs on the new model's worker thread; this call blocks until it is done.
 */
public final class LocalModels {
    private LocalModels() {
    }

    /**
     * Validates the folder, checks memory, loads tokenizer and weights on a new worker thread.
     *
     * @param dir       a Hugging Face Llama folder (config.json, tokenizer.json, safetensors)
     * @param options   device, cache length, memory check
     * @param progress  progress, called on the worker thread
     * @param cancel    cancels the load between tensors
     * @throws ModelLoadException with one clear message when the folder is malformed, does not fit, or the load
     *                            was cancelled
     */
    public static LocalLlamaModel load(Path dir, LoadOptions options, ProgressListener progress,
                                       CancellationToken cancel) throws ModelLoadException {
        return LocalLlamaModel.load(dir, options == null ? LoadOptions.defaults() : options,
                progress == null ? ProgressListener.NONE : progress,
                cancel == null ? new CancellationToken() : cancel);
    }

    /** Loads with default options, no progress and no cancellation. */
    public static LocalLlamaModel load(Path dir) throws ModelLoadException {
        return load(dir, LoadOptions.defaults(), ProgressListener.NONE, new CancellationToken());
    }
}
