package org.userlm.workbench.domain;

import java.util.Locale;

/** The user simulators of PROTOCOL.md section 4. */
public enum SimulatorKind {
    /** A user LM in the UserLM format (UserLM-8b by default), with guardrails. */
    USERLM,
    /** An assistant LLM prompted to play the user; roles swapped. */
    PROMPTED,
    /** Lost-in-Conversation sharded reveal. */
    SHARDED,
    /** The researcher types the user turns (also used for scripted tests). */
    HUMAN;

    /** {@code userlm|prompted|sharded|human}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static SimulatorKind fromWire(String s) {
        return SimulatorKind.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
