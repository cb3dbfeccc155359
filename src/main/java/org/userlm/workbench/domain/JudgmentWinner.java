package org.userlm.workbench.domain;

import java.util.Locale;

/** The verdict of a blind pairwise judgment: which user is more human-like. */
public enum JudgmentWinner {
    LEFT, RIGHT, TIE;

    /** {@code left|right|tie}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static JudgmentWinner fromWire(String s) {
        return JudgmentWinner.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
