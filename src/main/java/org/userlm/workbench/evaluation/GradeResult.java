package org.userlm.workbench.evaluation;

import java.util.Objects;

/**
 * The verdict on one answer.
 *
 * @param correct whether the answer is correct
 * @param detail  a short human-readable explanation (what was compared, which test failed or timed out)
 */
public record GradeResult(boolean correct, String detail) {
    public GradeResult {
        Objects.requireNonNull(detail, "detail");
    }

    /** A passing result. */
    public static GradeResult pass(String detail) {
        return new GradeResult(true, detail);
    }

    /** A failing result. */
    public static GradeResult fail(String detail) {
        return new GradeResult(false, detail);
    }
}
