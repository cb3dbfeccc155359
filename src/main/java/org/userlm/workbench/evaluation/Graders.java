package org.userlm.workbench.evaluation;

import java.util.Optional;
import org.userlm.workbench.domain.Task;

/** Picks the grader for a task: math and code are gradeable; other LiC tasks are not (yet). */
public final class Graders {
    private static final MathGrader MATH = new MathGrader(GraderMode.LIC);
    private static final MathGrader STRICT_MATH = new MathGrader(GraderMode.STRICT);

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
        return forTask(task, sandbox, GraderMode.defaultMode());
    }

    /**
     * The grader for {@code task} in grading mode {@code mode}, code tasks using {@code sandbox}.
     *
     * @return the grader, or empty for {@code OTHER} tasks
     */
    public static Optional<Grader> forTask(Task task, SandboxSettings sandbox, GraderMode mode) {
        GraderMode m = mode == null ? GraderMode.defaultMode() : mode;
        return switch (task.kind()) {
            case MATH -> Optional.of(m == GraderMode.LIC ? MATH : STRICT_MATH);
            case CODE -> Optional.of(new CodeGrader(sandbox, m));
            case OTHER -> Optional.empty();
        };
    }

    /**
     * Grades with the task's grader, or says the task is not gradeable.
     *
     * @return the verdict; {@code correct=false} with an explanation for {@code OTHER} tasks
     */
    public static GradeResult grade(Task task, String answerText) {
        return grade(task, answerText, GraderMode.defaultMode());
    }

    /**
     * Grades in {@code mode} with the task's grader, or says the task is not gradeable. The result always carries
     * the mode that graded it.
     */
    public static GradeResult grade(Task task, String answerText, GraderMode mode) {
        GraderMode m = mode == null ? GraderMode.defaultMode() : mode;
        return forTask(task, SandboxSettings.defaults(), m).map(g -> g.grade(task, answerText))
                .orElseGet(() -> GradeResult.fail("task " + task.id() + " (" + task.kind().wire()
                        + ") is not gradeable: only math and code tasks are")).withMode(m);
    }
}
