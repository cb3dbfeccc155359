package org.userlm.workbench.simulation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.ComparisonEntry;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.evaluation.metrics.Outcomes;
import org.userlm.workbench.simulation.Intents;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.TurnLabelRepository;

/**
 * Reopens a stored comparison: its settings and its conversations, with the outcome from their stored turn labels
 * (judge, heuristic or an annotator's), else re-graded. Blocks (grading): off the FX thread.
 */
public final class ComparisonLoader {
    private final ConversationRepository conversations;
    private final ComparisonRepository comparisons;
    private final BiFunction<Task, Conversation, Outcome> grader;
    private TurnLabelRepository labels;

    public ComparisonLoader(ConversationRepository conversations, ComparisonRepository comparisons) {
        this(conversations, comparisons, Outcomes::grade);
    }

    public ComparisonLoader(ConversationRepository conversations, ComparisonRepository comparisons,
                            BiFunction<Task, Conversation, Outcome> grader) {
        this.conversations = conversations;
        this.comparisons = comparisons;
        this.grader = grader;
    }

    /**
     * A reopened comparison.
     *
     * @param comparison    the stored settings
     * @param task          the task, or null when it is no longer known (then nothing is graded)
     * @param conversations its conversations with metrics, by column then repeat
     */
    public record Loaded(Comparison comparison, Task task, List<CompletedConversation> conversations) {
    }

    /** Reads outcomes from stored turn labels where a conversation has them. */
    public ComparisonLoader withLabels(TurnLabelRepository repo) {
        ComparisonLoader l = new ComparisonLoader(conversations, comparisons, grader);
        l.labels = repo;
        return l;
    }

    /** Loads a comparison; the task is looked up among {@code tasks}. */
    public Optional<Loaded> load(String comparisonId, List<Task> tasks) {
        Optional<Comparison> found = comparisons.find(comparisonId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comparison cmp = found.get();
        Task task = tasks.stream().filter(t -> t.id().equals(cmp.taskId())).findFirst().orElse(null);
        List<CompletedConversation> out = new ArrayList<>();
        for (ComparisonEntry e : comparisons.entries(comparisonId)) {
            Optional<Conversation> c = conversations.find(e.conversationId());
            if (c.isPresent()) {
                List<TurnLabel> stored = labels == null || task == null ? List.of() : labels.list(c.get().id());
                Outcome o = task == null ? Outcome.notGradeable("task " + cmp.taskId() + " is not in the task list")
                        : !stored.isEmpty() ? Outcomes.fromLabels(task, stored) : grader.apply(task, c.get());
                String taskText = task == null || e.column() >= cmp.profiles().size() ? null
                        : Intents.taskText(task, cmp.profiles().get(e.column()).intentTemplate());
                out.add(new CompletedConversation(e.column(), e.repeat(), c.get(),
                        ConversationMetrics.of(c.get(), o, taskText)));
            }
        }
        return Optional.of(new Loaded(cmp, task, out));
    }
}
