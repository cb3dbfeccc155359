package org.userlm.workbench.evaluation;

import org.userlm.workbench.domain.Task;

/** Decides whether an assistant's answer solves a task. Implementations are thread-safe. */
public interface Grader {
    /**
     * Grades {@code answerText} (the whole text of an assistant turn) against {@code task}.
     * May block (the code grader runs Python); call it off the FX thread.
     *
     * @param task       the task, of the kind this grader handles
     * @param answerText the answer as written by the assistant
     * @return the verdict; never null
     */
    GradeResult grade(Task task, String answerText);
}
