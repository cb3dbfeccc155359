package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * A task a simulated user pursues and the assistant tries to solve.
 *
 * @param id        stable id, e.g. {@code sharded-GSM8K/40} or {@code bundled-math-01}
 * @param kind      math, code or other
 * @param source    where it came from ({@code bundled}, {@code lic}, {@code gsm8k}, {@code humaneval}, a file name)
 * @param title     short human-readable title
 * @param question  the full original problem (fully specified)
 * @param shards    the sharded instruction, in order; may be empty for unsharded sources
 * @param answer    reference answer (GSM8K solution ending in {@code #### N}) or null
 * @param code      what the code grader needs, or null for non-code tasks
 */
public record Task(String id, TaskKind kind, String source, String title, String question,
                   List<Shard> shards, String answer, CodeSpec code) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        shards = List.copyOf(shards == null ? List.of() : shards);
        question = question == null ? "" : question;
    }

    /** The gold answer of a math task: the text after {@code ####}, trimmed; null when absent. */
    public String goldAnswer() {
        if (answer == null) {
            return null;
        }
        int i = answer.lastIndexOf("####");
        return i < 0 ? null : answer.substring(i + 4).trim();
    }
}
