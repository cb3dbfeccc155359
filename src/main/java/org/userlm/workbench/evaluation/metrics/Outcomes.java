package org.userlm.workbench.evaluation.metrics;

import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.evaluation.GradeResult;
import org.userlm.workbench.evaluation.Grader;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.evaluation.Graders;
import org.userlm.workbench.evaluation.SandboxSettings;

/**
 * Grades a conversation's answer attempts with the task's grader (LiC math rule; code in the python3 sandbox).
 * Blocks while code tests run: call it off the FX thread.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /** The outcome with the task's default grader. */
    public static Outcome grade(Task task, Conversation conversation) {
        return grade(task, conversation, GraderMode.defaultMode());
    }

    /** The outcome with the task's grader in {@code mode}. */
    public static Outcome grade(Task task, Conversation conversation, GraderMode mode) {
        Optional<Grader> g = Graders.forTask(task, SandboxSettings.defaults(), mode);
        if (g.isEmpty()) {
            return Outcome.notGradeable("task " + task.id() + " (" + task.kind().wire() + ") has no grader");
        }
        Outcome o = grade(task, conversation, g.get());
        return new Outcome(o.gradeable(), o.success(), o.solvedAtSomeTurn(), o.firstSolvedTurn(), o.attempts(),
                o.detail(), (mode == null ? GraderMode.defaultMode() : mode).wire());
    }

    /**
     * The outcome from turn labels (judge, heuristic or annotator): success = the last answer attempt is correct.
     * Labels without a grade (not gradeable tasks) give a not-gradeable outcome.
     */
    public static Outcome fromLabels(Task task, List<TurnLabel> labels) {
        int attempts = 0;
        boolean last = false;
        boolean graded = false;
        String mode = null;
        Integer first = null;
        String detail = "no answer attempt";
        for (TurnLabel l : labels) {
            if (!l.isAttempt()) {
                continue;
            }
            attempts++;
            graded |= l.correct() != null;
            mode = l.grader() != null ? l.grader() : mode;
            last = Boolean.TRUE.equals(l.correct());
            detail = l.detail() == null ? l.chip() : l.detail();
            if (last && first == null) {
                first = l.turnIndex();
            }
        }
        if (attempts > 0 && !graded) {
            return Outcome.notGradeable("task " + task.id() + " (" + task.kind().wire() + ") has no grader");
        }
        return new Outcome(true, last, first != null, first, attempts, detail, mode);
    }

    /** The outcome with the given grader; only the heuristic answer attempts are graded. */
    public static Outcome grade(Task task, Conversation conversation, Grader grader) {
        int attempts = 0;
        boolean last = false;
        Integer first = null;
        String detail = "no answer attempt";
        for (Turn t : conversation.turns()) {
            // Failed and cancelled turns are not answers: left out of the attempts.
            if (t.role() != Role.ASSISTANT || t.status() != TurnStatus.COMPLETE
                    || !AnswerAttempts.isAttempt(task.kind(), t.content())) {
                continue;
            }
            attempts++;
            GradeResult r = grader.grade(task, t.content());
            last = r.correct();
            detail = r.detail();
            if (r.correct() && first == null) {
                first = t.index();
            }
        }
        return new Outcome(true, last, first != null, first, attempts, detail);
    }
}
