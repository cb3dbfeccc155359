package org.userlm.workbench.ui.conversation;

import java.util.List;
import java.util.function.Consumer;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.evaluation.judge.TurnLabeler;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.simulation.ConversationFactory;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.WorkbenchServices;
import org.userlm.workbench.ui.settings.RunSettings;

/**
 * The category chips of assistant turns: loads stored labels, labels a finished live conversation (judge or
 * heuristic, off the FX thread) and stores an annotator's change. Results come back on the FX thread.
 */
final class TurnLabelling {
    private final WorkbenchServices services;
    private final TaskExecutor bg;
    private final Consumer<String> activity;

    TurnLabelling(WorkbenchServices services, TaskExecutor bg, Consumer<String> activity) {
        this.services = services;
        this.bg = bg;
        this.activity = activity;
    }

    /** Shows the stored labels of a conversation. */
    void load(TranscriptModel t, String conversationId) {
        bg.run(() -> services.turnLabels().list(conversationId), t::applyLabels,
                e -> activity.accept("Cannot load the turn labels: " + Messages.shortMessage(e)));
    }

    /** Labels a finished conversation's assistant turns with its settings' judge and grader, stores, shows. */
    void labelFinished(TranscriptModel t, Conversation c, RunSettings s) {
        bg.run(() -> {
            try {
                List<TurnLabel> ls = ConversationFactory.labeler(s.conversationSettings(), services)
                        .labelAll(s.task(), c);
                services.turnLabels().save(c.id(), ls);
                return ls;
            } catch (InferenceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, t::applyLabels, e -> activity.accept("Cannot label the turns: " + Messages.shortMessage(e)));
    }

    /** An annotator set the category of assistant turn {@code index}: regraded if it is an attempt, stored. */
    void relabel(TranscriptModel t, int index, TurnCategory category) {
        TurnViewModel turn = t.turn(index);
        String id = t.conversationIdProperty().get();
        if (turn == null || turn.settledProperty().get() == null || id == null) {
            return;
        }
        Turn settled = turn.settledProperty().get();
        TurnLabel old = turn.labelProperty().get();
        String who = System.getProperty("user.name", "annotator");
        bg.run(() -> {
            Conversation c = services.conversations().find(id).orElseThrow();
            Task task = services.tasks().all().stream().filter(x -> x.id().equals(c.taskId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("task " + c.taskId() + " is not in the task list"));
            GraderMode mode = old != null && old.grader() != null ? GraderMode.fromWire(old.grader())
                    : GraderMode.defaultMode();
            TurnLabeler labeler = new TurnLabeler(null, mode);
            long now = System.currentTimeMillis();
            TurnLabel base = old != null ? old : labeler.heuristic(task, settled, now);
            TurnLabel l = labeler.regrade(task, settled, base.byAnnotator(category, who, now));
            services.turnLabels().save(id, List.of(l));
            return l;
        }, l -> turn.labelProperty().set(l), e -> activity.accept("Cannot relabel: " + Messages.shortMessage(e)));
    }
}
