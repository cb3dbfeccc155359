package org.userlm.workbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Run;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.judge.TurnLabeler;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.simulation.ConversationFactory;
import org.userlm.workbench.simulation.ConversationListener;
import org.userlm.workbench.simulation.ConversationSpec;
import org.userlm.workbench.simulation.RunControl;
import org.userlm.workbench.simulation.UserSimulator;
import org.userlm.workbench.storage.ConversationJsonl;
import org.userlm.workbench.tasks.TaskFormatException;
import org.userlm.workbench.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: runs conversations headless, stores every turn in SQLite and optionally writes JSON Lines.
 * Exit 0 when every conversation ran (conversations that ended with {@code error} are reported and counted);
 * 2 for bad arguments, 3 for unusable inputs (unreadable task file, unknown task id, broken model folder).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run simulated conversations between a user simulator and an assistant.")
final class SimulateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "FILE",
            description = "LiC JSON, GSM8K JSONL or HumanEval JSONL(.gz), detected; default: the bundled set")
    Path tasksFile;

    @Option(names = "--task-id", paramLabel = "ID", description = "repeatable; default: every task in the file")
    List<String> taskIds = new ArrayList<>();

    @Mixin
    SimulationOptions options = new SimulationOptions();

    @Option(names = "--runs", defaultValue = "1", description = "conversations per task (default ${DEFAULT-VALUE})")
    int runs;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Option(names = "--out", paramLabel = "FILE", description = "also write the conversations as JSON Lines")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String problem = options.validate();
        if (problem == null && runs < 1) {
            problem = "--runs must be at least 1";
        }
        if (problem != null) {
            err.println("simulate: " + problem);
            return 2;
        }
        List<Task> tasks;
        try {
            tasks = TaskSelection.select(tasksFile, taskIds);
        } catch (TaskFormatException | IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return 3;
        }
        try (AppContext ctx = AppContext.open(db.given())) {
            ctx.tasks().upsert(tasks);
            return runAll(ctx, tasks, stdout, err);
        } catch (StorageException e) {
            err.println("simulate: " + e.getMessage());
            return 3;
        } catch (InferenceException e) {
            err.println("simulate: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("simulate: cannot write " + out + ": " + e.getMessage());
            return 3;
        }
    }

    private int runAll(AppContext ctx, List<Task> tasks, PrintWriter stdout, PrintWriter err)
            throws InferenceException, IOException {
        SimulatorSettings sim = options.simulatorSettings();
        AssistantSettings asst = options.assistantSettings();
        ChatModel assistant = ctx.open(asst.backend());
        String settingsJson = settingsJson(sim, asst);
        Run run = new Run(UUID.randomUUID().toString(), "simulate " + sim.kind().wire(), "simulate", settingsJson,
                System.currentTimeMillis());
        ctx.conversations().createRun(run);
        Map<EndReason, Integer> counts = new EnumMap<>(EndReason.class);
        TurnLabeler labeler = ConversationFactory.labeler(options.conversationSettings(sim, asst), ctx);
        AtomicReference<RunControl> active = new AtomicReference<>();
        Thread hook = new Thread(() -> stopActive(active), "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int n = 0;
        try (BufferedWriter jsonl = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Task task : tasks) {
                for (int r = 0; r < runs; r++) {
                    UserSimulator user = ConversationFactory.simulator(options.conversationSettings(sim, asst), ctx,
                            null);
                    Long seed = options.seed == null ? null : options.seed + n;
                    Conversation c = runOne(ctx, run, task, user, assistant, asst, sim, seed, active);
                    n++;
                    counts.merge(c.endedBy(), 1, Integer::sum);
                    label(ctx, labeler, task, c, err);
                    stdout.printf("%s task=%s ended_by=%s turns=%d%n", c.id(), c.taskId(), c.endedBy().wire(),
                            c.turns().size());
                    stdout.flush();
                    if (jsonl != null) {
                        ConversationJsonl.write(List.of(c), jsonl);
                    }
                }
            }
        } finally {
            removeHook(hook);
        }
        stdout.println(summary(n, counts));
        if (counts.getOrDefault(EndReason.ERROR, 0) > 0) {
            err.println("simulate: " + counts.get(EndReason.ERROR) + " conversation(s) ended with an error; "
                    + "see the failed turns (export or the workbench)");
        }
        return 0;
    }

    private Conversation runOne(AppContext ctx, Run run, Task task, UserSimulator user, ChatModel assistant,
                                AssistantSettings asst, SimulatorSettings sim, Long seed,
                                AtomicReference<RunControl> active) throws InferenceException {
        ConversationSpec cs = ConversationFactory.spec(options.conversationSettings(sim, asst), task, user,
                assistant, ConversationFactory.Placement.of(run.id(), task.title()).withSeed(seed), ctx);
        RunControl control = new RunControl();
        active.set(control);
        try {
            return ctx.runner().run(cs, ConversationListener.NONE, control);
        } finally {
            active.set(null);
        }
    }

    /** Labels and grades the assistant turns (judge or heuristic) and stores the labels with the turns. */
    private static void label(AppContext ctx, TurnLabeler labeler, Task task, Conversation c, PrintWriter err) {
        try {
            ctx.turnLabels().save(c.id(), labeler.labelAll(task, c));
        } catch (RuntimeException e) {
            err.println("simulate: cannot label the turns of " + c.id() + ": " + e.getMessage());
        }
    }

    private static void stopActive(AtomicReference<RunControl> active) {
        RunControl c = active.get();
        if (c != null) {
            c.stop();
            // Give the runner a moment to store the cancelled turn before the JVM exits.
            long end = System.currentTimeMillis() + 3000;
            try {
                while (active.get() != null && System.currentTimeMillis() < end) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook is running
        }
    }

    static String summary(int n, Map<EndReason, Integer> counts) {
        StringBuilder sb = new StringBuilder("summary: " + n + " conversation" + (n == 1 ? "" : "s") + ":");
        for (EndReason r : EndReason.values()) {
            boolean newer = r == EndReason.ALL_SHARDS_REVEALED || r == EndReason.CONTEXT_FULL;
            if (newer && counts.getOrDefault(r, 0) == 0) {
                continue; // the original five are always listed; the newer reasons when they occur
            }
            sb.append(' ').append(counts.getOrDefault(r, 0)).append(' ').append(r.wire()).append(',');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static String settingsJson(SimulatorSettings sim, AssistantSettings asst) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulator", sim);
        m.put("assistant", asst);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
