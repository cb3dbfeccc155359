package org.userlm.workbench.evaluation;

import org.userlm.workbench.domain.Task;

/**
 * Math grading in one of two modes. {@link GraderMode#LIC}: {@link LicMathRule}, LiC's evaluator exactly, applied to
 * the text it is given (LiC gives it a model-extracted answer; the judge does that step here). {@link
 * GraderMode#STRICT}: {@link StrictMathRule}, ours (docs/grading.md).
 */
public final class MathGrader implements Grader {
    private final GraderMode mode;

    /** LiC's rule. */
    public MathGrader() {
        this(GraderMode.LIC);
    }

    public MathGrader(GraderMode mode) {
        this.mode = mode == null ? GraderMode.defaultMode() : mode;
    }

    @Override
    public GradeResult grade(Task task, String answerText) {
        if (LicMathRule.gold(task.answer()) == null) {
            return GradeResult.fail("task " + task.id() + " has no gold answer (no \"####\" in its answer)")
                    .withMode(mode);
        }
        if (mode == GraderMode.STRICT) {
            StrictMathRule.Verdict v = StrictMathRule.evaluate(answerText, task.answer());
            String detail = v.prediction() == null ? "no number found in the answer; gold " + v.gold()
                    : "predicted " + v.prediction() + ", gold " + v.gold() + " (strict: compared by value)";
            return new GradeResult(v.correct(), detail, mode, v.prediction());
        }
        LicMathRule.Verdict v = LicMathRule.evaluate(answerText, task.answer());
        if (v.prediction() == null) {
            return new GradeResult(false, "no number found in the answer; gold " + v.gold(), mode, null);
        }
        return new GradeResult(v.correct(), "predicted " + v.prediction() + " (from \"" + v.raw() + "\"), gold "
                + v.gold(), mode, v.raw());
    }

    /** The raw last number-like match in {@code text} (LiC's pattern), or null. */
    public static String extractPrediction(String text) {
        return text == null ? null : LicMathRule.lastMatch(LicMathRule.pyStrip(text));
    }

    /** LiC's normalisation: {@code ,} and {@code $} removed, then one trailing {@code .}. */
    public static String normalise(String s) {
        return LicMathRule.normalise(s);
    }
}
