package org.userlm.workbench.inference;

/**
 * Receives generated text as it streams. Called on the thread that runs the generation (a backend's worker
 * thread or the HTTP reader), never on the FX thread: implementations must be cheap and thread-safe and must
 * hand text to the UI through a buffer, not one {@code Platform.runLater} per call.
 */
@FunctionalInterface
public interface TokenListener {
    /** A listener that ignores everything. */
    TokenListener NONE = delta -> { };

    /** New text; never splits a UTF-8 character; may hold several tokens. */
    void onText(String delta);
}
