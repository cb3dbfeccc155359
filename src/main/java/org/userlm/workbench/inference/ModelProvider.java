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
}
