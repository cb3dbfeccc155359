package org.userlm.workbench.evaluation.judge;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.evaluation.GradeResult;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.evaluation.Graders;
import org.userlm.workbench.evaluation.metrics.AnswerAttempts;
import org.userlm.workbench.inference.InferenceException;

/**
 * Labels assistant turns the way Lost in Conversation evaluates them: classify the turn, and for an answer attempt
 * extract the answer and grade it. With a {@link TurnJudge} the judge classifies and (math) extracts; without one,
 * or when the judge fails on a turn, our heuristic ({@link AnswerAttempts}) classifies and the grader reads the whole
 * turn, and the label says {@code heuristic}. Code answers are extracted by the code grader itself (LiC extracts
 * code without a model). Failed and cancelled turns get no label. Blocks (judge calls, code tests).
 */
public final class TurnLabeler {
    private final TurnJudge judge;
    private final GraderMode mode;

    /** @param judge the judge, or null for the heuristic */
    public TurnLabeler(TurnJudge judge, GraderMode mode) {
        this.judge = judge;
        this.mode = mode == null ? GraderMode.defaultMode() : mode;
    }

    /** The grading mode. */
    public GraderMode mode() {
        return mode;
    }

    /** Labels every completed assistant turn of the conversation, in order. */
    public List<TurnLabel> labelAll(Task task, Conversation c) {
        List<TurnLabel> out = new ArrayList<>();
        for (Turn t : c.turns()) {
            if (t.role() == Role.ASSISTANT && t.status() == TurnStatus.COMPLETE) {
                out.add(label(task, t));
            }
        }
        return out;
    }

    /** Labels one assistant turn. */
    public TurnLabel label(Task task, Turn turn) {
        long now = System.currentTimeMillis();
        String text = turn.content();
        if (judge != null) {
            try {
                TurnCategory c = judge.classify(task, text);
                if (c != TurnCategory.ANSWER_ATTEMPT) {
                    return new TurnLabel(turn.index(), c, TurnLabel.Source.JUDGE, judge.modelName(),
                            JudgePrompts.VERSION, null, null, null, null, null, now);
                }
                String answer = task.kind() == TaskKind.MATH ? judge.extract(task, text) : text;
                GradeResult g = Graders.grade(task, answer, mode);
                return new TurnLabel(turn.index(), c, TurnLabel.Source.JUDGE, judge.modelName(), JudgePrompts.VERSION,
                        extracted(task, answer, g), mode.wire(), task.kind() == TaskKind.OTHER ? null : g.correct(),
                        g.detail(), null, now);
            } catch (InferenceException e) {
                TurnLabel h = heuristic(task, turn, now);
                return new TurnLabel(h.turnIndex(), h.category(), h.source(), null, null, h.extracted(), h.grader(),
                        h.correct(), "judge failed (" + e.getMessage() + "); heuristic used"
                        + (h.detail() == null ? "" : ": " + h.detail()), null, now);
            }
        }
        return heuristic(task, turn, now);
    }

    /** The heuristic label: an answer attempt by {@link AnswerAttempts}, graded on the whole turn. */
    public TurnLabel heuristic(Task task, Turn turn, long now) {
        String text = turn.content();
        if (text.isBlank()) {
            return new TurnLabel(turn.index(), TurnCategory.MISSING, TurnLabel.Source.HEURISTIC, null, null, null,
                    null, null, null, null, now);
        }
        if (!AnswerAttempts.isAttempt(task.kind(), text)) {
            return new TurnLabel(turn.index(), TurnCategory.DISCUSSION, TurnLabel.Source.HEURISTIC, null, null, null,
                    null, null, null, null, now);
        }
        GradeResult g = Graders.grade(task, text, mode);
        return new TurnLabel(turn.index(), TurnCategory.ANSWER_ATTEMPT, TurnLabel.Source.HEURISTIC, null, null,
                extracted(task, text, g), mode.wire(), task.kind() == TaskKind.OTHER ? null : g.correct(),
                g.detail(), null, now);
    }

    /** Regrades a label an annotator changed to an answer attempt (the whole turn; no judge). */
    public TurnLabel regrade(Task task, Turn turn, TurnLabel label) {
        if (!label.isAttempt()) {
            return label;
        }
        GradeResult g = Graders.grade(task, turn.content(), mode);
        return new TurnLabel(label.turnIndex(), label.category(), label.source(), label.judgeModel(),
                label.promptVersion(), extracted(task, turn.content(), g), mode.wire(),
                task.kind() == TaskKind.OTHER ? null : g.correct(), g.detail(), label.annotator(),
                label.updatedAtMs());
    }

    private static String extracted(Task task, String answer, GradeResult g) {
        return g.extracted() != null ? g.extracted() : task.kind() == TaskKind.MATH ? answer : null;
    }
}
