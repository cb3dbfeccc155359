package org.userlm.workbench.domain;

import java.util.Locale;

/**
 * What an assistant turn does, in Lost in Conversation's categories (its turn classification). Wire names are
 * LiC's and are stored.
 */
public enum TurnCategory {
    /** A complete final answer that could be copied out as is. */
    ANSWER_ATTEMPT,
    /** Short, one specific question to the user. */
    CLARIFICATION,
    /** Several questions to the user. */
    INTERROGATION,
    /** Talks about the problem without a final answer or a specific question. */
    DISCUSSION,
    /** Several candidate answers for different cases. */
    HEDGE,
    /** Declines to answer. */
    REFUSE,
    /** Empty. */
    MISSING;

    /** {@code answer_attempt}, {@code clarification}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null when it is none of the seven. */
    public static TurnCategory fromWire(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (TurnCategory c : values()) {
            if (c.name().equals(v)) {
                return c;
            }
        }
        return null;
    }
}
