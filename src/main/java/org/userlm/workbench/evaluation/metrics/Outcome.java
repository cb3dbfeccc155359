package org.userlm.workbench.evaluation.metrics;

/**
 * The assistant's outcome in one conversation (PROTOCOL.md section 6): it <em>succeeds</em> when the last answer
 * attempt is correct [ours]; "solved at some turn" is reported beside it.
 *
 * @param gradeable        whether the task has a grader (math and code)
 * @param success          the last answer attempt is correct
 * @param solvedAtSomeTurn some answer attempt is correct
 * @param firstSolvedTurn  index of the first correct assistant turn, or null
 * @param attempts         number of answer attempts (heuristic detector, {@link AnswerAttempts})
 * @param detail           the grader's detail for the last attempt, or why nothing was graded
 * @param grader           the grading mode that graded it ({@code lic} / {@code strict}), or null when ungraded
 */
public record Outcome(boolean gradeable, boolean success, boolean solvedAtSomeTurn, Integer firstSolvedTurn,
                      int attempts, String detail, String grader) {

    /** Without a recorded grading mode. */
    public Outcome(boolean gradeable, boolean success, boolean solvedAtSomeTurn, Integer firstSolvedTurn,
                   int attempts, String detail) {
        this(gradeable, success, solvedAtSomeTurn, firstSolvedTurn, attempts, detail, null);
    }

    /** The outcome of a task that cannot be graded. */
    public static Outcome notGradeable(String why) {
        return new Outcome(false, false, false, null, 0, why);
    }

    /** "✓", "✗" or "–" (not gradeable). */
    public String mark() {
        return !gradeable ? "–" : success ? "✓" : "✗";
    }
}
