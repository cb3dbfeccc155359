package org.userlm.workbench.domain;

import java.util.Objects;

/**
 * One conversation of a comparison.
 *
 * @param conversationId the stored conversation
 * @param column         0-based column (index into {@link Comparison#profiles()})
 * @param repeat         0-based repetition within the column
 */
public record ComparisonEntry(String conversationId, int column, int repeat) {
    public ComparisonEntry {
        Objects.requireNonNull(conversationId, "conversationId");
    }
}
