package org.userlm.workbench.inference.djl;

/** Progress of a model load, called on the loading worker thread. Must be cheap and thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * @param stage     what is happening ("tokenizer", "weights", "ready")
     * @param fraction  0..1 of the whole load
     */
    void onProgress(String stage, double fraction);
}
