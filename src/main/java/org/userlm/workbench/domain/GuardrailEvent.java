package org.userlm.workbench.domain;

import java.util.Objects;

/**
 * One firing of a guardrail on a user turn (PROTOCOL.md section 3).
 *
 * @param rule         {@code filter_first_tokens}, {@code avoid_termination}, {@code length}, {@code verbatim_repetition}
 * @param rejectedText the candidate that broke the rule (as generated, stripped)
 * @param action       {@code regenerated}, {@code kept_last} (every retry failed) or {@code truncated}
 * @param detail       a short human explanation ("2 words, minimum 3")
 * @param attempt      1-based number of the candidate that fired
 */
public record GuardrailEvent(String rule, String rejectedText, String action, String detail, int attempt) {
    public GuardrailEvent {
        Objects.requireNonNull(rule, "rule");
        rejectedText = rejectedText == null ? "" : rejectedText;
        action = action == null ? "regenerated" : action;
        detail = detail == null ? "" : detail;
    }
}
