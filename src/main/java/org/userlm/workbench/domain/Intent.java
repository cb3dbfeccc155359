package org.userlm.workbench.domain;

import java.util.Objects;

/**
 * The only input that defines a simulated user: "You are a user who wants to ..." (PROTOCOL.md section 1).
 * It is the system message of the user simulator's context and never reaches the assistant.
 *
 * @param text     the intent as given to the simulator (editable by the researcher)
 * @param template the template it was generated from, or null when typed by hand
 */
public record Intent(String text, String template) {
    public Intent {
        Objects.requireNonNull(text, "text");
    }
}
