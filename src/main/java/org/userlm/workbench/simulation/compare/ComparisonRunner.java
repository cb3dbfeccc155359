package org.userlm.workbench.simulation.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.ComparisonEntry;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Run;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.evaluation.metrics.Outcomes;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.simulation.ConversationFactory;
import org.userlm.workbench.simulation.ConversationListener;
import org.userlm.workbench.simulation.ConversationRunner;
import org.userlm.workbench.simulation.ConversationSpec;
import org.userlm.workbench.simulation.Intents;
import org.userlm.workbench.simulation.RunControl;
import org.userlm.workbench.simulation.UserSimulator;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.TurnLabelRepository;

/**
 * Runs a comparison: every (column, repeat) conversation on its own thread, all at once, with every model call
 * queued on its backend's worker ({@link BackendWorkers}). Stores a run of kind {@code compare}, the comparison row
 * and each conversation's column link; grades each conversation when it ends.
 */
public final class ComparisonRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ComparisonRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationRepository conversations;
    private final ComparisonRepository comparisons;
    private final ModelProvider models;
    private final BiFunction<Task, Conversation, Outcome> grader;
    private final TurnLabelRepository labels;

    public ComparisonRunner(ConversationRepository conversations, ComparisonRepository comparisons,
                            ModelProvider models) {
        this(conversations, comparisons, models, null);
    }

    /**
     * With another outcome grader (tests); null labels every assistant turn (judge or heuristic, the request's
     * grading mode) and takes the outcome from the labels.
     */
    public ComparisonRunner(ConversationRepository conversations, ComparisonRepository comparisons,
                            ModelProvider models, BiFunction<Task, Conversation, Outcome> grader) {
        this(conversations, comparisons, models, grader, null);
    }

    private ComparisonRunner(ConversationRepository conversations, ComparisonRepository comparisons,
                             ModelProvider models, BiFunction<Task, Conversation, Outcome> grader,
                             TurnLabelRepository labels) {
        this.conversations = conversations;
        this.comparisons = comparisons;
        this.models = models;
        this.grader = grader;
        this.labels = labels;
    }

    /** A runner that also stores each conversation's turn labels. */
    public ComparisonRunner withLabels(TurnLabelRepository repo) {
        return new ComparisonRunner(conversations, comparisons, models, grader, repo);
    }

    /**
     * Starts the comparison and returns at once; storage and generation happen on background threads (safe to
     * call from the FX thread).
     */
    public ComparisonHandle start(ComparisonRequest request, ComparisonListener listener) {
        ComparisonHandle handle = new ComparisonHandle(UUID.randomUUID().toString());
        Thread coordinator = new Thread(() -> coordinate(request, listener, handle), "compare-" + handle.comparisonId());
        coordinator.setDaemon(true);
        coordinator.start();
        return handle;
    }

    private void coordinate(ComparisonRequest req, ComparisonListener listener, ComparisonHandle handle) {
        try (BackendWorkers workers = new BackendWorkers(models)) {
            Comparison cmp = store(req, handle.comparisonId());
            List<CompletedConversation> results = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int col = 0; col < req.profiles().size(); col++) {
                for (int rep = 0; rep < req.repeats(); rep++) {
                    int c = col;
                    int r = rep;
                    CompletableFuture<Void> f = new CompletableFuture<>();
                    Thread t = new Thread(() -> {
                        try {
                            runOne(req, cmp, c, r, workers, listener, handle, results);
                        } finally {
                            f.complete(null);
                        }
                    }, "compare-c" + col + "-r" + rep);
                    t.setDaemon(true);
                    t.start();
                    all.add(f);
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            List<CompletedConversation> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparingInt(CompletedConversation::column)
                    .thenComparingInt(CompletedConversation::repeat));
            listener.onAllDone();
            handle.complete(sorted);
        } catch (RuntimeException e) {
            LOG.error("comparison failed", e);
            listener.onAllDone();
            handle.fail(e);
        }
    }

    private Comparison store(ComparisonRequest req, String id) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("comparison_id", id);
        settings.put("assistant", req.assistant());
        settings.put("profiles", req.profiles());
        settings.put("repeats", req.repeats());
        settings.put("maxUserTurns", req.maxUserTurns());
        settings.put("stopWhenSolved", req.stopWhenSolved());
        settings.put("grader", req.grader().wire());
        Run run = new Run(UUID.randomUUID().toString(), req.title(), "compare", json(settings),
                System.currentTimeMillis());
        conversations.createRun(run);
        Comparison cmp = new Comparison(id, run.id(), req.task().id(), req.title(), req.assistant(), req.profiles(),
                req.repeats(), req.maxUserTurns() == null ? 0 : req.maxUserTurns(), run.createdAtMs());
        comparisons.create(cmp);
        return cmp;
    }

    private void runOne(ComparisonRequest req, Comparison cmp, int col, int rep, BackendWorkers workers,
                        ComparisonListener listener, ComparisonHandle handle, List<CompletedConversation> results) {
        SimulatorSettings profile = req.profiles().get(col);
        Task task = req.task();
        UserSimulator user;
        ChatModel assistant;
        try {
            user = ConversationFactory.simulator(req.settings(profile), workers, null);
            assistant = workers.open(req.assistant().backend());
        } catch (InferenceException | RuntimeException e) {
            LOG.warn("{} (column {}, repetition {}) could not start", profile.name(), col, rep, e);
            listener.onFailed(col, rep, profile.name() + ": " + e.getMessage());
            return;
        }
        Long seed = req.seed() == null ? null : req.seed() + 1000L * col + rep;
        ConversationSpec spec;
        try {
            spec = ConversationFactory.spec(req.settings(profile), task, user, assistant,
                    ConversationFactory.Placement.of(cmp.runId(), profile.name() + " · " + cmp.title())
                            .withSeed(seed).with("comparison_id", cmp.id()).with("column", col).with("repeat", rep),
                    workers);
        } catch (InferenceException e) {
            listener.onFailed(col, rep, profile.name() + ": cannot open the judge: " + e.getMessage());
            return;
        }
        RunControl control = handle.newControl();
        Conversation done;
        try {
            done = new ConversationRunner(conversations).run(spec, adapter(cmp.id(), col, rep, listener), control);
        } catch (RuntimeException e) {
            LOG.warn("{} (column {}, repetition {}) failed", profile.name(), col, rep, e);
            listener.onFailed(col, rep, profile.name() + ": " + e.getMessage());
            return;
        }
        Outcome outcome;
        try {
            outcome = grader != null ? grader.apply(task, done) : labelled(req, profile, task, done, workers);
        } catch (InferenceException | RuntimeException e) {
            listener.onFailed(col, rep, profile.name() + ": cannot grade: " + e.getMessage());
            outcome = Outcome.notGradeable("cannot grade: " + e.getMessage());
        }
        ConversationMetrics m = ConversationMetrics.of(done, outcome, Intents.taskText(task, profile.intentTemplate()));
        CompletedConversation cc = new CompletedConversation(col, rep, done, m);
        results.add(cc);
        listener.onConversationDone(cc);
    }

    private Outcome labelled(ComparisonRequest req, SimulatorSettings profile, Task task, Conversation done,
                             ModelProvider workers) throws InferenceException {
        List<TurnLabel> ls = ConversationFactory.labeler(req.settings(profile), workers).labelAll(task, done);
        if (labels != null) {
            labels.save(done.id(), ls);
        }
        return Outcomes.fromLabels(task, ls);
    }

    private ConversationListener adapter(String comparisonId, int col, int rep, ComparisonListener l) {
        return new ConversationListener() {
            @Override
            public void onConversationStarted(Conversation conversation) {
                comparisons.addEntry(comparisonId, new ComparisonEntry(conversation.id(), col, rep));
                l.onConversationStarted(col, rep, conversation);
            }

            @Override
            public void onTurnStarted(int index, Role role) {
                l.onTurnStarted(col, rep, index, role);
            }

            @Override
            public void onText(int index, String delta) {
                l.onText(col, rep, index, delta);
            }

            @Override
            public void onRedraw(int index, GuardrailEvent event) {
                l.onRedraw(col, rep, index, event);
            }

            @Override
            public void onTurnFinished(Turn turn) {
                l.onTurnFinished(col, rep, turn);
            }
        };
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise comparison settings", e);
        }
    }
}
