package org.userlm.workbench.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * The evaluation of one assistant turn: what kind of turn it is, the answer extracted from it, and its grade.
 *
 * @param turnIndex     index of the assistant turn
 * @param category      the turn's category
 * @param source        who decided the category
 * @param judgeModel    the judge model ({@link Source#JUDGE}), else null
 * @param promptVersion the judge prompts' version ({@link Source#JUDGE}), else null
 * @param extracted     the answer extracted from the turn, or null (not an attempt, or nothing extracted)
 * @param grader        grading mode wire name ({@code lic}/{@code strict}) of {@code correct}, or null if ungraded
 * @param correct       whether the extracted answer is correct, or null when not graded
 * @param detail        the grader's explanation, or null
 * @param annotator     who set the category by hand ({@link Source#ANNOTATOR}), else null
 * @param updatedAtMs   epoch millis of the last change
 */
public record TurnLabel(int turnIndex, TurnCategory category, Source source, String judgeModel,
                        String promptVersion, String extracted, String grader, Boolean correct, String detail,
                        String annotator, long updatedAtMs) {

    /** Who decided the category. */
    public enum Source {
        /** A judge model (LiC's classification and extraction steps). */
        JUDGE,
        /** Our heuristic detector, used when no judge is configured. */
        HEURISTIC,
        /** A person, by hand. */
        ANNOTATOR;

        /** {@code judge|heuristic|annotator}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a wire name. */
        public static Source fromWire(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
    }

    public TurnLabel {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
    }

    /** Whether this turn counts as an answer attempt. */
    public boolean isAttempt() {
        return category == TurnCategory.ANSWER_ATTEMPT;
    }

    /** A copy set by an annotator; the grade is kept only while the turn stays an answer attempt. */
    public TurnLabel byAnnotator(TurnCategory newCategory, String who, long now) {
        boolean attempt = newCategory == TurnCategory.ANSWER_ATTEMPT;
        return new TurnLabel(turnIndex, newCategory, Source.ANNOTATOR, judgeModel, promptVersion,
                attempt ? extracted : null, attempt ? grader : null, attempt ? correct : null,
                attempt ? detail : null, who, now);
    }

    /** The chip text: {@code answer attempt · judge}. */
    public String chip() {
        return category.wire().replace('_', ' ') + " · " + source.wire();
    }
}
