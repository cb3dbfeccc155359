package org.userlm.workbench.domain;

import java.util.Locale;

/**
 * Life cycle of a turn: {@code PENDING -> STREAMING -> COMPLETE | CANCELLED | FAILED}.
 * Only the three final states are exported ({@code complete|cancelled|failed}).
 */
public enum TurnStatus {
    PENDING, STREAMING, COMPLETE, CANCELLED, FAILED;

    /** True for COMPLETE, CANCELLED and FAILED. */
    public boolean isFinal() {
        return this == COMPLETE || this == CANCELLED || this == FAILED;
    }

    /** Lower-case wire name used in exports. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static TurnStatus fromWire(String s) {
        return TurnStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
