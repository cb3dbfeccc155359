package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.evaluation.metrics.Outcomes;
import org.userlm.workbench.simulation.experiment.ExperimentListener;
import org.userlm.workbench.simulation.experiment.ExperimentPlan;
import org.userlm.workbench.simulation.experiment.ExperimentProgress;
import org.userlm.workbench.simulation.experiment.ExperimentReporter;
import org.userlm.workbench.simulation.experiment.ExperimentRunner;
import org.userlm.workbench.tasks.TaskFormatException;
import org.userlm.workbench.ui.experiments.DashboardBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code bench-experiment}: short conversations (one user turn, one answer) against an in-process loopback
 * OpenAI-compatible server with a fixed latency. Reports conversations per second at each concurrency (and the
 * ratio to linear scaling from concurrency 1), the main run's rate, and how long the dashboard's report of that run
 * takes to compute. A benchmark, not a test: figures depend on the machine.
 */
@Command(name = "bench-experiment", mixinStandardHelpOptions = true,
        description = "Experiment throughput against a loopback server: conversations/s, scaling 1..N, report time.")
final class BenchExperimentCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--conversations", description = "conversations of the main run (default ${DEFAULT-VALUE})")
    int conversations = 10_000;

    @Option(names = "--concurrency", description = "requests in flight of the main run (default ${DEFAULT-VALUE})")
    int concurrency = 32;

    @Option(names = "--delay-ms", description = "server latency per reply, ms (default ${DEFAULT-VALUE})")
    int delayMs = 20;

    @Option(names = "--scaling", split = ",", description = "concurrency levels (default 1,2,4,8,16,32)")
    List<Integer> scaling = new ArrayList<>(List.of(1, 2, 4, 8, 16, 32));

    @Option(names = "--scaling-per-level", description = "conversations per in-flight slot at each level "
            + "(default ${DEFAULT-VALUE}; at least 100 per level)")
    int perLevel = 30;

    @Option(names = "--db", paramLabel = "FILE", description = "database of the main run (default: a temp file)")
    Path db;

    @Option(names = "--ui", description = "also open the real dashboard (JavaFX; needs a display, e.g. xvfb-run)")
    boolean ui;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("bench-experiment");
        Path tasks = tasks(dir, 100);
        try (LoopbackOpenAiServer server = new LoopbackOpenAiServer(delayMs)) {
            out.printf(Locale.ROOT, "loopback server latency %d ms per reply; 2 requests per conversation%n", delayMs);
            run(server, tasks, dir.resolve("warmup.db"), 400, 16, "warm-up"); // JIT and connection pools, not reported
            out.println("concurrency\tconversations\tseconds\tconv/s\tratio to linear");
            double base = Double.NaN;
            StringBuilder levels = new StringBuilder();
            for (int c : scaling) {
                int n = Math.max(100, perLevel * c);
                Run r = run(server, tasks, dir.resolve("scale-" + c + ".db"), n, c, "scaling " + c);
                if (Double.isNaN(base)) {
                    base = r.rate() / c;
                }
                double ratio = r.rate() / (base * c);
                out.printf(Locale.ROOT, "%d\t%d\t%.2f\t%.1f\t%.2f%n", c, n, r.seconds(), r.rate(), ratio);
                out.flush();
                levels.append(levels.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"concurrency\": %d, \"conv_per_s\": %.2f, \"ratio_to_linear\": %.3f}", c, r.rate(), ratio));
            }
            Path mainDb = db != null ? db : dir.resolve("main.db");
            Run main = run(server, tasks, mainDb, conversations, concurrency, "main");
            out.printf(Locale.ROOT, "main run: %d conversations at concurrency %d in %.1f s = %.1f conv/s (%d failed)%n",
                    conversations, concurrency, main.seconds(), main.rate(), main.failed());
            long[] ms = reportTimes(mainDb, main.id());
            out.printf(Locale.ROOT, "report of %d conversations computed (and cached) at the end of the run: %d ms%n",
                    conversations, ms[0]);
            out.printf(Locale.ROOT, "dashboard open (cached report, fresh database connection): %d ms, again %d ms "
                    + "(limit 1000 ms: ratio %.2f)%n", ms[1], ms[2], ms[1] / 1000.0);
            long[] uiTimes = ui ? uiOpen(mainDb, main.id()) : new long[] {-1, -1};
            long uiMs = uiTimes[0];
            if (ui) {
                out.printf(Locale.ROOT, "dashboard open with charts and table rendered (JavaFX): first %d ms, again %d ms"
                        + " (limit 1000 ms: ratio %.2f)%n", uiTimes[0], uiTimes[1], uiTimes[0] / 1000.0);
            }
            out.printf(Locale.ROOT, "{\"conversations\": %d, \"concurrency\": %d, \"conv_per_s\": %.2f, \"failed\": %d, "
                    + "\"scaling\": [%s], \"report_compute_ms\": %d, \"dashboard_open_ms\": %d, \"dashboard_ui_ms\": %d}%n",
                    conversations, concurrency, main.rate(), main.failed(), levels, ms[0], ms[1], uiMs);
            out.flush();
            return 0;
        }
    }

    private record Run(String id, double seconds, double rate, int failed) {
    }

    private Run run(LoopbackOpenAiServer server, Path tasks, Path dbFile, int n, int c, String name)
            throws IOException, TaskFormatException, InterruptedException, ExecutionException {
        int runs = (n + 99) / 100;
        String config = """
                {"name": "bench %s", "tasks": {"file": "%s", "ids": null, "kind": null, "sample": null},
                 "simulators": [{"name": "UserLM", "simulator": "userlm", "url": "%s", "model": "bench-user",
                                 "guardrails": "off"}],
                 "assistants": [{"name": "assistant", "url": "%s", "model": "bench-assistant", "system_prompt": null}],
                 "runs": %d, "max_turns": 1, "seed": 1, "concurrency": %d, "stop_when_solved": false, "judge": null}
                """.formatted(name, tasks.toString().replace("\\", "\\\\"), server.baseUrl(), server.baseUrl(), runs, c);
        ExperimentPlan plan = ExperimentPlan.of(config, ExperimentPlan.Shard.ALL);
        try (AppContext ctx = AppContext.open(dbFile)) {
            ctx.tasks().upsert(List.copyOf(plan.tasks().values()));
            ExperimentRunner runner = new ExperimentRunner(ctx.conversations(), ctx.experiments(), ctx,
                    Outcomes::grade, 50);
            long t0 = System.nanoTime();
            ExperimentProgress p = runner.start(plan, false, ExperimentListener.NONE).done().get();
            double s = (System.nanoTime() - t0) / 1e9;
            return new Run(plan.experimentId(), s, p.finished() / s, p.failed());
        }
    }

    /** [computed at the end of the run, dashboard open from a fresh connection, open again]. */
    private static long[] reportTimes(Path dbFile, String id) {
        long[] ms = new long[3];
        for (int i = 0; i < 3; i++) {
            try (AppContext ctx = AppContext.open(dbFile)) {
                long t0 = System.nanoTime();
                ExperimentReport r = new ExperimentReporter(ctx.experiments(), ctx.tasks(), ctx.judgeCache(), ctx)
                        .report(id);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                if (r.cells().isEmpty()) {
                    throw new IllegalStateException("empty report");
                }
            }
        }
        return ms;
    }

    private static long[] uiOpen(Path dbFile, String id) throws Exception {
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // closing the measured window must not stop FX
        try (AppContext ctx = AppContext.open(dbFile)) {
            ExperimentReporter reporter = new ExperimentReporter(ctx.experiments(), ctx.tasks(), ctx.judgeCache(), ctx);
            long first = DashboardBench.openMillis(() -> reporter.report(id));
            return new long[] {first, DashboardBench.openMillis(
                    () -> reporter.report(id))};
        } finally {
            Platform.exit();
        }
    }

    private static Path tasks(Path dir, int n) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 1; i <= n; i++) {
            sb.append(String.format(Locale.ROOT, "{\"task_id\": \"bench-%03d\", \"task\": \"math\", \"question\": "
                    + "\"What is 5 plus 7?\", \"answer\": \"5+7=12\\n#### 12\", \"shards\": [{\"shard_id\": 1, \"shard\": "
                    + "\"I need a sum\"}, {\"shard_id\": 2, \"shard\": \"of 5 and 7\"}]}%s%n", i, i < n ? "," : ""));
        }
        Path f = dir.resolve("bench-tasks.json");
        Files.writeString(f, sb.append("]\n").toString());
        return f;
    }
}
