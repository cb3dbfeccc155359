package org.userlm.workbench.inference;

import org.userlm.workbench.domain.UrlCredentials;

/**
 * A generation failed. Carries the text streamed before the failure so that it can be kept on the failed turn.
 * Any URL credentials in the message are removed ({@link UrlCredentials}).
 */
public class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String partialText;

    public InferenceException(String message, String partialText, Throwable cause) {
        super(UrlCredentials.strip(message), cause);
        this.partialText = partialText == null ? "" : partialText;
    }

    public InferenceException(String message) {
        this(message, "", null);
    }

    /** A failure caused by another exception (kept, so that the log shows where it came from). */
    public InferenceException(String message, Throwable cause) {
        this(message, "", cause);
    }

    /** Text received before the failure (possibly empty). */
    public String partialText() {
        return partialText;
    }
}
