package org.userlm.workbench.simulation.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentConfig;
import org.userlm.workbench.domain.ExperimentConfig.ExperimentAssistant;
import org.userlm.workbench.domain.ExperimentConfig.ExperimentSimulator;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.domain.Run;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.evaluation.metrics.Outcomes;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.simulation.ConversationListener;
import org.userlm.workbench.simulation.ConversationRunner;
import org.userlm.workbench.simulation.RunControl;
import org.userlm.workbench.simulation.Simulators;
import org.userlm.workbench.simulation.UserSimulator;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.ExperimentRepository;

/**
 * Runs (or resumes) an experiment: stores it, plans its slots, puts back the ones a crash left running, and runs
 * every planned slot of its shard on a pool of conversation workers. Model calls go through an {@link EndpointPool}
 * (per-endpoint limit, round-robin replicas, retries). A failed conversation is stored as failed and the run goes
 * on. Resuming the same config runs only what is missing: a slot is linked to its conversation before it starts and
 * marked finished only after the conversation is stored and graded.
 */
public final class ExperimentRunner {
    /** At most this many conversations in flight, whatever the endpoints allow. */
    public static final int MAX_WORKERS = 256;

    private final ConversationRepository conversations;
    private final ExperimentRepository experiments;
    private final ModelProvider models;
    private final BiFunction<Task, Conversation, Outcome> grader;
    private final long backoffMillis;

    public ExperimentRunner(ConversationRepository conversations, ExperimentRepository experiments,
                            ModelProvider models) {
        this(conversations, experiments, models, Outcomes::grade, 500);
    }

    /** With another grader and retry back-off (tests). */
    public ExperimentRunner(ConversationRepository conversations, ExperimentRepository experiments,
                            ModelProvider models, BiFunction<Task, Conversation, Outcome> grader, long backoffMillis) {
        this.conversations = conversations;
        this.experiments = experiments;
        this.models = models;
        this.grader = grader;
        this.backoffMillis = backoffMillis;
    }

    /**
     * Stores the experiment (if new) and plans its slots (not on a resume, which runs only the stored plan), puts
     * back what a crash left running, and returns the slots still to run in this shard.
     */
    public List<ExperimentSlot> prepare(ExperimentPlan plan, boolean resume) {
        String id = plan.experimentId();
        if (experiments.find(id).isEmpty()) {
            long now = System.currentTimeMillis();
            String runId = "run-" + id;
            conversations.createRun(new Run(runId, plan.config().name(), "experiment", plan.configJson(), now));
            experiments.create(new Experiment(id, plan.config().name(), plan.configJson(), runId,
                    Experiment.Status.RUNNING, now, now), plan.cells());
        }
        if (!resume) {
            experiments.plan(id, plan.slots());
        }
        experiments.resetUnfinished(id);
        Map<String, Integer> order = new HashMap<>();
        List<ExperimentSlot> wanted = plan.slots();
        for (int i = 0; i < wanted.size(); i++) {
            order.put(key(wanted.get(i)), i);
        }
        List<ExperimentSlot> todo = new ArrayList<>();
        for (ExperimentSlot s : experiments.slots(id)) {
            if (s.status() == SlotStatus.PLANNED && order.containsKey(key(s))) {
                todo.add(s);
            }
        }
        todo.sort((a, b) -> Integer.compare(order.get(key(a)), order.get(key(b))));
        return todo;
    }

    private static String key(ExperimentSlot s) {
        return s.cell() + "|" + s.taskId() + "|" + s.run();
    }

    /** Starts the run on background threads and returns at once (safe on the FX thread). */
    public ExperimentHandle start(ExperimentPlan plan, boolean resume, ExperimentListener listener) {
        ExperimentHandle handle = new ExperimentHandle(plan.experimentId());
        Thread t = new Thread(() -> coordinate(plan, resume, listener, handle), "experiment-" + plan.experimentId());
        t.setDaemon(true);
        t.start();
        return handle;
    }

    private void coordinate(ExperimentPlan plan, boolean resume, ExperimentListener listener, ExperimentHandle handle) {
        String id = plan.experimentId();
        ErrorCounts errors = new ErrorCounts();
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "experiment-heartbeat");
            t.setDaemon(true);
            return t;
        });
        AutoCloseable claim = experiments.claim(id).orElse(null);
        if (claim == null) {
            heartbeat.shutdownNow();
            handle.fail(new IllegalStateException("experiment " + id + " is being run by another process (or "
                    + "window) on this database; wait for it, or cancel it there"));
            return;
        }
        try (claim; EndpointPool pool = new EndpointPool(models, plan.config().concurrency(), backoffMillis, errors)) {
            List<ExperimentSlot> todo = prepare(plan, resume);
            ProgressTracker tracker = new ProgressTracker(id, plan, experiments.slots(id), errors, handle);
            handle.progressSource(tracker::snapshot, () -> experiments.setStatus(id,
                    handle.isPaused() ? Experiment.Status.PAUSED : Experiment.Status.RUNNING));
            experiments.setStatus(id, handle.isPaused() ? Experiment.Status.PAUSED : Experiment.Status.RUNNING);
            heartbeat.scheduleAtFixedRate(() -> experiments.heartbeat(id, System.currentTimeMillis()), 0, 2,
                    TimeUnit.SECONDS);
            ExperimentConfig c = plan.config();
            c.simulators().forEach(s -> pool.replicas(s.settings().backend(), s.urls()));
            c.assistants().forEach(a -> pool.replicas(a.settings().backend(), a.urls()));
            Queue<ExperimentSlot> queue = new ConcurrentLinkedQueue<>(todo);
            int endpoints = (int) Stream.concat(c.simulators().stream().flatMap(s -> s.urls().stream()),
                    c.assistants().stream().flatMap(a -> a.urls().stream())).distinct().count();
            int workers = Math.max(1, Math.min(Math.min(MAX_WORKERS, todo.size()),
                    c.concurrency() * Math.max(1, endpoints)));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(() -> work(plan, queue, pool, tracker, listener, handle),
                        "experiment-worker-" + w);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            heartbeat.shutdownNow();
            boolean complete = experiments.slots(id).stream().noneMatch(s -> s.status() == SlotStatus.PLANNED
                    || s.status() == SlotStatus.RUNNING);
            experiments.setStatus(id, complete ? Experiment.Status.DONE : Experiment.Status.INTERRUPTED);
            tracker.finish(handle.isCancelled() ? ExperimentProgress.State.CANCELLED : ExperimentProgress.State.DONE);
            ExperimentProgress last = tracker.snapshot();
            listener.onFinished(last);
            handle.complete(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.fail(e);
        } catch (Exception e) {
            handle.fail(e);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    private void work(ExperimentPlan plan, Queue<ExperimentSlot> queue, EndpointPool pool,
                      ProgressTracker tracker, ExperimentListener listener,
                      ExperimentHandle handle) {
        try {
            while (handle.awaitRunnable()) {
                ExperimentSlot slot = queue.poll();
                if (slot == null) {
                    return;
                }
                ExperimentSlot end = runSlot(plan, slot, pool, tracker, handle);
                if (end != null) {
                    listener.onSlotFinished(end, tracker.snapshot());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one slot; returns how it ended, or null when it was cancelled (and planned again). */
    private ExperimentSlot runSlot(ExperimentPlan plan, ExperimentSlot slot, EndpointPool pool,
                                   ProgressTracker tracker, ExperimentHandle handle) {
        String id = plan.experimentId();
        ExperimentConfig c = plan.config();
        ExperimentSimulator sim = c.simulators().get(slot.cell() / c.assistants().size());
        ExperimentAssistant asst = c.assistants().get(slot.cell() % c.assistants().size());
        Task task = plan.tasks().get(slot.taskId());
        String convId = UUID.randomUUID().toString();
        experiments.markRunning(id, slot, convId);
        ExperimentSlot running = new ExperimentSlot(slot.cell(), slot.taskId(), slot.run(), convId, SlotStatus.RUNNING,
                null, null, null);
        tracker.started();
        RunControl control = handle.newControl();
        ExperimentSlot end;
        try {
            UserSimulator user = Simulators.create(sim.settings(), pool, null);
            ChatModel assistant = pool.open(asst.settings().backend());
            Conversation done = new ConversationRunner(conversations).run(ConversationFactory.spec(convId,
                    "run-" + id, id, slot, task, sim.settings(), user, asst.settings(), assistant, c.maxTurns(),
                    plan.seedOf(slot.taskId(), slot.run()), c.stopWhenSolved()),
                    ConversationListener.NONE, control);
            if (done.endedBy() == EndReason.CANCELLED) {
                experiments.unplan(id, running);
                tracker.cancelled();
                return null;
            }
            if (done.endedBy() == EndReason.ERROR) {
                String error = done.turns().stream().filter(t -> t.status() == TurnStatus.FAILED).map(Turn::error)
                        .filter(Objects::nonNull).findFirst().orElse("the conversation failed");
                end = failed(running, error);
            } else {
                Outcome o = grader.apply(task, done);
                end = new ExperimentSlot(slot.cell(), slot.taskId(), slot.run(), convId, SlotStatus.DONE,
                        o.gradeable() ? o.success() : null, null, null);
            }
        } catch (InferenceException | RuntimeException e) {
            end = failed(running, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            handle.release(control);
        }
        experiments.markFinished(id, end);
        tracker.finished(end);
        return end;
    }

    /**
     * The experiment as it stands: stored as running or paused but run by no live process (its lock is free, e.g.
     * after kill -9) means interrupted.
     */
    public static Experiment effective(ExperimentRepository repo, Experiment e) {
        boolean live = e.status() == Experiment.Status.RUNNING || e.status() == Experiment.Status.PAUSED;
        if (!live || repo.isClaimed(e.id())) {
            return e;
        }
        return new Experiment(e.id(), e.name(), e.configJson(), e.runId(), Experiment.Status.INTERRUPTED,
                e.heartbeatMs(), e.createdAtMs());
    }

    private static ExperimentSlot failed(ExperimentSlot s, String error) {
        return new ExperimentSlot(s.cell(), s.taskId(), s.run(), s.conversationId(), SlotStatus.FAILED, null,
                ErrorCounts.kindOf(error), error);
    }
}
