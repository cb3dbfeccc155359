package org.userlm.workbench.domain;

import java.util.Locale;

/** What an annotation question is asked about: a user turn, an assistant turn, or the whole conversation. */
public enum AnnotationScope {
    USER_TURN, ASSISTANT_TURN, CONVERSATION;

    /** The scope of a turn with this role. */
    public static AnnotationScope of(Role role) {
        return role == Role.ASSISTANT ? ASSISTANT_TURN : USER_TURN;
    }

    /** Lower-case wire name used in schema JSON ({@code user_turn}, ...). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    public static AnnotationScope fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
