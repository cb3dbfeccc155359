package org.userlm.workbench.evaluation;

import java.util.Objects;

/**
 * The verdict on one answer.
 *
 * @param correct   whether the answer is correct
 * @param detail    a short human-readable explanation (what was compared, which test failed or timed out)
 * @param mode      the grading rules that decided it; null only before {@link Graders} stamps it
 * @param extracted the answer the rules compared (a number for math, the code kept for code), or null when
 *                  nothing could be extracted
 */
public record GradeResult(boolean correct, String detail, GraderMode mode, String extracted) {
    public GradeResult {
        Objects.requireNonNull(detail, "detail");
    }

    /** A verdict without mode or extracted answer (the mode is stamped by {@link Graders}). */
    public GradeResult(boolean correct, String detail) {
        this(correct, detail, null, null);
    }

    /** A passing result. */
    public static GradeResult pass(String detail) {
        return new GradeResult(true, detail);
    }

    /** A failing result. */
    public static GradeResult fail(String detail) {
        return new GradeResult(false, detail);
    }

    /** A copy graded by {@code m}. */
    public GradeResult withMode(GraderMode m) {
        return new GradeResult(correct, detail, m, extracted);
    }

    /** A copy with the extracted answer. */
    public GradeResult withExtracted(String answer) {
        return new GradeResult(correct, detail, mode, answer);
    }
}
