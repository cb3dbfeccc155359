package org.userlm.workbench.domain;

import java.util.Locale;

/** Why a conversation ended (PROTOCOL.md section 2). Wire names are a contract of the JSONL export. */
public enum EndReason {
    /** The simulated user ended it ({@code <|endconversation|>}). */
    USER_ENDED,
    /** Sharded simulator: every shard was revealed and the assistant answered the last one (LiC's end). */
    ALL_SHARDS_REVEALED,
    /** The conversation outgrew a model's context window; the failed turn's error holds the token count. */
    CONTEXT_FULL,
    /** The user side wrote {@code max_turns} turns and each was answered. */
    MAX_TURNS,
    /** The assistant's answer was graded correct and the "stop when solved" rule was on. */
    SOLVED,
    /** The researcher stopped it. */
    CANCELLED,
    /** A backend failed (unreachable server, dropped stream, ...). */
    ERROR;

    /** {@code user_ended|all_shards_revealed|context_full|max_turns|solved|cancelled|error}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static EndReason fromWire(String s) {
        return EndReason.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
