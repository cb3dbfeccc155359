package org.userlm.workbench.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.metrics.RepeatSummary;
import org.userlm.workbench.simulation.compare.ComparisonHandle;
import org.userlm.workbench.simulation.compare.ComparisonListener;
import org.userlm.workbench.simulation.compare.ComparisonRequest;
import org.userlm.workbench.simulation.compare.ComparisonRunner;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.tasks.TaskFormatException;
import org.userlm.workbench.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: runs one task against one assistant with 2–4 simulator profiles, N times each, concurrently
 * (one worker per backend), stores it as a comparison the workbench can reopen, and prints one summary line per
 * simulator. Exit 0 when it ran; 2 for bad arguments; 3 for unusable inputs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare 2-4 user simulators on one task against one assistant (stored; reopen in the GUI).")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "FILE", description = "task file; default: the bundled set")
    Path tasksFile;

    @Option(names = "--task-id", required = true, paramLabel = "ID")
    String taskId;

    @Option(names = "--assistant-url", required = true, paramLabel = "URL")
    String assistantUrl;

    @Option(names = "--assistant-model", required = true, paramLabel = "NAME")
    String assistantModel;

    @Option(names = "--profile", required = true, paramLabel = "SPEC", description = "repeatable (2-4): "
            + "kind=userlm|prompted|sharded,url=URL,model=NAME[,guardrails=default|paper|off][,name=TEXT]")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--repeats", defaultValue = "1", description = "conversations per simulator (default 1)")
    int repeats;

    @Mixin
    ProtocolOptions protocol = new ProtocolOptions();

    @Option(names = "--seed", description = "base seed")
    Long seed;

    @Option(names = "--title", description = "comparison title")
    String title;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<SimulatorSettings> ps = new ArrayList<>();
        ComparisonRequest req;
        Task task;
        try {
            String problem = protocol.validate();
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            if (profiles.size() < 2 || profiles.size() > ComparisonRequest.MAX_COLUMNS) {
                throw new IllegalArgumentException("give 2 to 4 --profile options");
            }
            for (String p : profiles) {
                ps.add(protocol.apply(CompareProfiles.parse(p)));
            }
            task = TaskSelection.select(tasksFile, List.of(taskId)).get(0);
            AssistantSettings asst = new AssistantSettings(assistantModel,
                    BackendSettings.openAiChat(assistantUrl, assistantModel), protocol.assistantParams(),
                    protocol.assistantSystemPrompt);
            req = new ComparisonRequest(title, task, asst, ps, repeats, protocol.maxTurns, protocol.stopWhenSolved,
                    seed, protocol.graderMode(), protocol.judge());
        } catch (IllegalArgumentException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        } catch (TaskFormatException e) {
            err.println("compare: " + e.getMessage());
            return 3;
        }
        try (AppContext ctx = AppContext.open(db.given())) {
            ctx.tasks().upsert(List.of(task));
            ComparisonHandle h = new ComparisonRunner(ctx.conversations(), ctx.comparisons(), ctx)
                    .withLabels(ctx.turnLabels())
                    .start(req, new ComparisonListener() {
                        @Override
                        public void onFailed(int column, int repeat, String message) {
                            err.println("compare: column " + column + " run " + repeat + ": " + message);
                        }
                    });
            Thread hook = new Thread(h::stop, "compare-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            List<CompletedConversation> done = h.done().get();
            Runtime.getRuntime().removeShutdownHook(hook);
            out.println("comparison " + h.comparisonId() + " (" + done.size() + " conversations)");
            for (int c = 0; c < ps.size(); c++) {
                int col = c;
                RepeatSummary s = RepeatSummary.of(done.stream().filter(d -> d.column() == col)
                        .map(CompletedConversation::metrics).toList());
                out.printf(Locale.ROOT, "%d\t%s\tsuccess %s\tmean user turns %.1f\tfirst-turn diversity %.2f"
                        + "\tdistinct first turns %.0f%%%n", col, ps.get(col).name(), s.success().percent(),
                        s.meanTurns(), s.firstTurnDiversity(), s.distinctFirstTurns() * 100);
            }
            out.println("success = last answer attempt correct (95% Wilson); diversity = mean pairwise 1 - Jaccard "
                    + "of word 3-grams");
            out.flush();
            return 0;
        } catch (StorageException e) {
            err.println("compare: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        } catch (ExecutionException e) {
            err.println("compare: " + e.getCause().getMessage());
            return 3;
        }
    }
}
