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
import org.userlm.workbench.ui.common.StartProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-start}: cold start of the workbench window against a bare JavaFX window from the same jar, in
 * alternating child JVMs, optionally also with an AppCDS archive made by a training run
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}). Times are JVM uptimes (see
 * {@link StartProbe}): the first frame, and "ready": the window complete with the last state restored (the task list
 * loaded with the last task selected, the settings drawer built), judged against the bare window's ready; both
 * kinds of child get the same JVM flags (the archive's, the launcher's with {@code --launcher-options}, and any
 * {@code --jvm-flag}).
 */
@Command(name = "bench-start", mixinStandardHelpOptions = true,
        description = "Time to the first frame of the workbench vs a bare JavaFX window (needs an X display).")
final class BenchStartCommand implements Callable<Integer> {
    static final double GOAL_RATIO = 1.5;

    @Option(names = "--runs", defaultValue = "5", description = "Runs of each kind (median).")
    int runs;

    @Option(names = "--cds", description = "Also time both with a class-data-sharing archive of a training run.")
    boolean cds;

    @Option(names = "--jvm-flag", description = "An extra JVM flag for every child, bare and workbench alike"
            + " (repeatable), e.g. -XX:+UseSerialGC.")
    List<String> jvmFlags = new ArrayList<>();

    @Option(names = "--launcher-options", description = "Give both kinds of child the JVM options the installed"
            + " app's launcher uses (the jar's launcher-jvm-options.txt: C2 later); with --cds, a start as installed.")
    boolean launcherOptions;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            System.err.println("error: bench-start opens windows: run it on a display (e.g. xvfb-run)");
            return 2;
        }
        Path tmp = Files.createTempDirectory("userlm-bench-start-");
        try {
            System.out.println("load average: " + BenchCommand.loadAverage());
            List<String> flags = new ArrayList<>(launcherOptions ? LauncherOptions.read() : List.of());
            flags.addAll(jvmFlags);
            extraFlags = List.copyOf(flags);
            if (!extraFlags.isEmpty()) {
                System.out.println("JVM flags for every child: " + String.join(" ", extraFlags));
            }
            String db = tmp.resolve("start.db").toString();
            // A returning user: its own config folder (never the user's), whose state each run saves at exit and the
            // next restores, and no first-run welcome page (a second window that the first start opens).
            List<String> app = List.of("-Duserlm.config.dir=" + tmp.resolve("config"), "-Duserlm.welcome=false",
                    "org.userlm.workbench.app.Main", "--db", db);
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
            // [kind][run][0: first frame, 1: ready]
            double[][][] t = new double[cds ? 4 : 2][runs][];
            for (int i = 0; i < runs; i++) {
                t[0][i] = probe(List.of(), bare);
                t[1][i] = probe(List.of(), app);
                if (cds) {
                    t[2][i] = probe(List.of("-XX:SharedArchiveFile=" + jsa), bare);
                    t[3][i] = probe(List.of("-XX:SharedArchiveFile=" + jsa), app);
                }
            }
            report("without CDS (both)", t[0], t[1]);
            if (cds) {
                report("with the CDS archive (both)", t[2], t[3]);
                System.out.printf(Locale.ROOT, "workbench with CDS against the bare window without: ready %.2fx%n",
                        median(t[3], 1) / median(t[0], 1));
            }
            System.out.println("CPU ms by thread at ready, last run: bare: " + threads.getOrDefault(mainClass(bare),
                    "n/a") + "; workbench: " + threads.getOrDefault(mainClass(app), "n/a"));
            System.out.println("runs (first frame/ready ms, CPU ms at ready): bare " + runs(t[0]) + "; workbench " + runs(t[1])
                    + (cds ? "; bare+CDS " + runs(t[2]) + "; workbench+CDS " + runs(t[3]) : ""));
            System.out.println("load average: " + BenchCommand.loadAverage());
            return 0;
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, double[][] bare, double[][] app) {
        System.out.printf(Locale.ROOT, "%s: bare JavaFX window first frame %.0f ms, ready %.0f ms; workbench first"
                + " frame %.0f ms (%.2fx), ready with the last state restored %.0f ms: %.2fx the bare window"
                + " (goal <= %.1fx; medians of %d)%n", what, median(bare, 0), median(bare, 1), median(app, 0),
                median(app, 0) / median(bare, 0), median(app, 1), median(app, 1) / median(bare, 1), GOAL_RATIO,
                bare.length);
        System.out.printf(Locale.ROOT, "  process CPU time (varies less with the machine's load): bare ready %.0f ms,"
                + " workbench first frame %.0f ms, ready %.0f ms: %.2fx%n", median(bare, 3), median(app, 2),
                median(app, 3), median(app, 3) / median(bare, 3));
    }

    private static String runs(double[][] r) {
        StringBuilder b = new StringBuilder();
        for (double[] x : r) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f/%.0f(cpu %.0f)", x[0], x[1], x[3]));
        }
        return b.toString();
    }

    private List<String> extraFlags = List.of();
    /** The last run's CPU ms by thread at ready, per main class (bare or workbench). */
    private final java.util.Map<String, String> threads = new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs one child JVM with the probe on and returns its first-frame and ready uptimes in ms. */
    private double[] probe(List<String> jvmFlags, List<String> mainAndArgs) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmFlags);
        cmd.addAll(extraFlags);
        cmd.add("-Duserlm.startProbe=true");
        cmd.add("-Duserlm.startProbe.threads=true");
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double[] at = {-1, -1, -1, -1}; // uptime first frame, ready; CPU time first frame, ready
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(StartProbe.READY_THREADS)) {
                        threads.put(mainClass(mainAndArgs), line.substring(StartProbe.READY_THREADS.length()));
                    } else if (line.startsWith(StartProbe.PREFIX)) {
                        read(line.substring(StartProbe.PREFIX.length()), at, 0);
                    } else if (line.startsWith(StartProbe.READY)) {
                        read(line.substring(StartProbe.READY.length()), at, 1);
                    } else if (log.length() < 4000) {
                        log.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the child went away; judged by its first-frame line below
            }
        }, "bench-start-reader");
        reader.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { // a start took over 60 s at load 20
            p.destroyForcibly();
        }
        reader.join(5000);
        if (at[0] < 0 || at[1] < 0) { // the join above makes the reader's writes visible
            throw new IOException("no first frame or no ready line from " + mainAndArgs + ":\n" + log);
        }
        return at;
    }

    /** The main class of a child's arguments: the first that is not a JVM option. */
    private static String mainClass(List<String> mainAndArgs) {
        return mainAndArgs.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("?");
    }

    /** "{@code <uptime ms> cpu <cpu ms>}" into {@code at[i]} and {@code at[i + 2]}. */
    private static void read(String s, double[] at, int i) {
        String[] f = s.trim().split("\\s+");
        at[i] = Double.parseDouble(f[0]);
        at[i + 2] = f.length > 2 ? Double.parseDouble(f[2]) : -1;
    }

    private static double median(double[][] runs, int which) {
        double[] s = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            s[i] = runs[i][which];
        }
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
