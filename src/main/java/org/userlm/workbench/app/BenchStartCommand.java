package org.userlm.workbench.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.userlm.workbench.ui.shell.StartProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-start}: cold start of the workbench window against a bare JavaFX window from the same jar, in
 * alternating child JVMs, optionally also with an AppCDS archive made by a training run
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}). Time is JVM uptime at the first frame.
 */
@Command(name = "bench-start", mixinStandardHelpOptions = true,
        description = "Time to the first frame of the workbench vs a bare JavaFX window (needs an X display).")
final class BenchStartCommand implements Callable<Integer> {
    static final double GOAL_RATIO = 1.5;

    @Option(names = "--runs", defaultValue = "5", description = "Runs of each kind (median).")
    int runs;

    @Option(names = "--cds", description = "Also time both with a class-data-sharing archive of a training run.")
    boolean cds;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            System.err.println("error: bench-start opens windows: run it on a display (e.g. xvfb-run)");
            return 2;
        }
        Path tmp = Files.createTempDirectory("userlm-bench-start-");
        try {
            System.out.println("load average: " + BenchCommand.loadAverage());
            String db = tmp.resolve("start.db").toString();
            List<String> app = List.of("org.userlm.workbench.app.Main", "--db", db);
            List<String> bare = List.of(BareWindow.class.getName());
            Path jsa = tmp.resolve("userlm.jsa");
            if (cds) {
                probe(List.of("-XX:ArchiveClassesAtExit=" + jsa), app); // training run: writes the archive at exit
                if (!Files.isRegularFile(jsa)) {
                    System.err.println("error: the training run wrote no CDS archive (AppCDS takes classes from jar"
                            + " files only: run bench-start with java -jar target/userlm-workbench.jar)");
                    return 1;
                }
                System.out.printf(Locale.ROOT, "CDS archive from a training run: %.1f MB%n", Files.size(jsa) / 1e6);
            }
            probe(List.of(), bare); // warm the OS file cache for both
            probe(List.of(), app);
            double[][] t = new double[cds ? 4 : 2][runs];
            for (int i = 0; i < runs; i++) {
                t[0][i] = probe(List.of(), bare);
                t[1][i] = probe(List.of(), app);
                if (cds) {
                    t[2][i] = probe(List.of("-XX:SharedArchiveFile=" + jsa), bare);
                    t[3][i] = probe(List.of("-XX:SharedArchiveFile=" + jsa), app);
                }
            }
            double b = median(t[0]);
            System.out.printf(Locale.ROOT, "bare JavaFX window: first frame at %.0f ms (median of %d)%n", b, runs);
            System.out.printf(Locale.ROOT, "workbench: first frame at %.0f ms: %.2fx the bare window (goal <= %.1fx)%n",
                    median(t[1]), median(t[1]) / b, GOAL_RATIO);
            if (cds) {
                System.out.printf(Locale.ROOT, "with the CDS archive: bare %.0f ms, workbench %.0f ms: %.2fx the bare"
                        + " window without it, %.2fx the bare window with it%n", median(t[2]), median(t[3]),
                        median(t[3]) / b, median(t[3]) / median(t[2]));
            }
            System.out.println("runs (ms): bare " + Arrays.toString(t[0]) + ", workbench " + Arrays.toString(t[1])
                    + (cds ? ", bare+CDS " + Arrays.toString(t[2]) + ", workbench+CDS " + Arrays.toString(t[3]) : ""));
            System.out.println("load average: " + BenchCommand.loadAverage());
            return 0;
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs one child JVM with the probe on and returns its first-frame uptime in ms. */
    private static double probe(List<String> jvmFlags, List<String> mainAndArgs) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmFlags);
        cmd.add("-Duserlm.startProbe=true");
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double[] at = {-1};
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(StartProbe.PREFIX)) {
                        at[0] = Double.parseDouble(line.substring(StartProbe.PREFIX.length()).trim());
                    } else if (log.length() < 4000) {
                        log.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the child went away; judged by its first-frame line below
            }
        }, "bench-start-reader");
        reader.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        reader.join(5000);
        if (at[0] < 0) { // the join above makes the reader's writes visible
            throw new IOException("no first frame from " + mainAndArgs.get(0) + ":\n" + log);
        }
        return at[0];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
