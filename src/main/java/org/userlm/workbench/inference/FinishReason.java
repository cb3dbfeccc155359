package org.userlm.workbench.inference;

/** Why one generation stopped. */
public enum FinishReason {
    /** An end-of-turn id or stop string. */
    STOP,
    /** The token cap. */
    LENGTH,
    /** The caller cancelled; the partial text is kept. */
    CANCELLED
}
