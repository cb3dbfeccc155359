package org.userlm.workbench.evaluation;

import java.util.Optional;
import org.userlm.workbench.domain.Task;

/** Picks the grader for a task: math and code are gradeable; other LiC tasks are not (yet). */
public final class Graders {
    private static final MathGrader MATH = new MathGrader();

    private Graders() {
    }

    /**
     * The grader for {@code task} with default code-sandbox limits.
     *
     * @return the grader, or empty for {@code OTHER} tasks
     */
    public static Optional<Grader> forTask(Task task) {
        return forTask(task, SandboxSettings.defaults());
    }

    /**
     * The grader for {@code task}, code tasks using {@code sandbox}.
     *
     * @return the grader, or empty for {@code OTHER} tasks
     */
    public static Optional<Grader> forTask(Task task, SandboxSettings sandbox) {
        return switch (task.kind()) {
            case MATH -> Optional.of(MATH);
            case CODE -> Optional.of(new CodeGrader(sandbox));
            case OTHER -> Optional.empty();
        };
    }

    /**
     * Grades with the task's grader, or says the task is not gradeable.
     *
     * @return the verdict; {@code correct=false} with an explanation for {@code OTHER} tasks
     */
    public static GradeResult grade(Task task, String answerText) {
        return forTask(task).map(g -> g.grade(task, answerText)).orElseGet(() -> GradeResult.fail(
                "task " + task.id() + " (" + task.kind().wire() + ") is not gradeable: only math and code tasks are"));
    }
}
