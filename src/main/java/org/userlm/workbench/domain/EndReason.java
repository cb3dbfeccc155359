package org.userlm.workbench.domain;

import java.util.Locale;

/** Why a conversation ended (PROTOCOL.md section 2). Wire names are a contract of the JSONL export. */
public enum EndReason {
    /** The simulated user ended it ({@code <|endconversation|>}, or the sharded simulator ran out of shards). */
    USER_ENDED,
    /** The user side wrote {@code max_turns} turns and each was answered. */
    MAX_TURNS,
    /** The assistant's answer was graded correct and the "stop when solved" rule was on. */
    SOLVED,
    /** The researcher stopped it. */
    CANCELLED,
    /** A backend failed (unreachable server, dropped stream, ...). */
    ERROR;

    /** {@code user_ended|max_turns|solved|cancelled|error}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static EndReason fromWire(String s) {
        return EndReason.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
