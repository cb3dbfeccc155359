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
 * @param trusted   false when the verdict was reported from inside the sandbox by code the answer could
 *                  tamper with (free-form assert tests); true otherwise
 * @param sandbox   how code was run (bubblewrap and which limits were enforced, or the recorded unsandboxed
 *                  opt-in); null when no code was run
 * @param graded    false when the answer was not graded at all ("not graded: no sandbox")
 */
public record GradeResult(boolean correct, String detail, GraderMode mode, String extracted, boolean trusted,
                          String sandbox, boolean graded) {
    public GradeResult {
        Objects.requireNonNull(detail, "detail");
    }

    /** A verdict with mode and extracted answer, trusted. */
    public GradeResult(boolean correct, String detail, GraderMode mode, String extracted) {
        this(correct, detail, mode, extracted, true, null, true);
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

    /** An answer that could not be graded (no sandbox): not correct, and not counted as graded. */
    public static GradeResult notGraded(String detail) {
        return new GradeResult(false, detail, null, null, true, null, false);
    }

    /** A copy graded by {@code m}. */
    public GradeResult withMode(GraderMode m) {
        return new GradeResult(correct, detail, m, extracted, trusted, sandbox, graded);
    }

    /** A copy with the extracted answer. */
    public GradeResult withExtracted(String answer) {
        return new GradeResult(correct, detail, mode, answer, trusted, sandbox, graded);
    }

    /** A copy marked trusted or not. */
    public GradeResult withTrusted(boolean t) {
        return new GradeResult(correct, detail, mode, extracted, t, sandbox, graded);
    }

    /** A copy recording how the code ran. */
    public GradeResult withSandbox(String how) {
        return new GradeResult(correct, detail, mode, extracted, trusted, how, graded);
    }
}
