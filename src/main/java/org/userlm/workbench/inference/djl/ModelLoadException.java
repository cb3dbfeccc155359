package org.userlm.workbench.inference.djl;

/**
 * A model folder could not be loaded. The message names the file and the problem in one sentence, so it can be
 * shown to the researcher as is.
 */
public class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
