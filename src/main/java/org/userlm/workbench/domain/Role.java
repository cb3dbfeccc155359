package org.userlm.workbench.domain;

import java.util.Locale;

/** Who wrote a message. {@code SYSTEM} only appears in prompts, never as a stored turn. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    /** The OpenAI / Hugging Face wire name: {@code system}, {@code user}, {@code assistant}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    public static Role fromWire(String s) {
        return Role.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
