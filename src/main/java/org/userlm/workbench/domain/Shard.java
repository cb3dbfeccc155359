package org.userlm.workbench.domain;

import java.util.Objects;

/** One piece of a sharded (Lost-in-Conversation) instruction; shard 1 is the high-level goal. */
public record Shard(int id, String text) {
    public Shard {
        Objects.requireNonNull(text, "text");
    }
}
