package org.userlm.workbench.inference;

import org.userlm.workbench.domain.BackendSettings;

/**
 * Opens a {@link ChatModel} for backend settings. The one implementation lives in {@code app.AppContext}, which
 * knows the concrete backends; the UI and the simulators only see this interface.
 */
@FunctionalInterface
public interface ModelProvider {
    /**
     * Opens (or reuses) a model. Loading a local model may take long: call it off the FX thread.
     *
     * @throws InferenceException when the backend cannot be opened (bad folder, unknown kind)
     */
    ChatModel open(BackendSettings settings) throws InferenceException;

    /**
     * Opens a model, reporting load progress ({@code stage}, fraction 0..1) on the loading thread.
     * Backends that need no loading report nothing.
     */
    default ChatModel open(BackendSettings settings, LoadProgress progress) throws InferenceException {
        return open(settings);
    }

    /** Progress of a model load. */
    @FunctionalInterface
    interface LoadProgress {
        /** Ignores progress. */
        LoadProgress NONE = (stage, fraction) -> { };

        void onProgress(String stage, double fraction);
    }
}
