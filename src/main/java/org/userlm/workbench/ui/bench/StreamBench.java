package org.userlm.workbench.ui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.conversation.ConversationStreamBuffer;
import org.userlm.workbench.ui.conversation.ConversationView;
import org.userlm.workbench.ui.conversation.ConversationViewModel;
import org.userlm.workbench.ui.conversation.StreamEvent;
import org.userlm.workbench.ui.shell.ConversationWarmup;

/**
 * Streams a synthetic token source at a fixed rate into the real conversation view (same buffer, same once-per-frame
 * drain, same bubbles and markdown rendering at the end of each turn) and measures how the FX thread copes.
 * "Frame work" is the FX thread's time from the start of a pulse's animation phase to the end of its layout phase.
 */
public final class StreamBench {
    private static final List<String> WORDS = Arrays.asList(("the user wants a function that returns the running "
            + "maximum of a list so we keep the largest value seen so far and append it at each step; edge cases "
            + "are empty lists and negative numbers, **which** we handle with `float('-inf')` as the start").split(" "));

    /** What one run measured. */
    public record Result(int offeredRate, double seconds, long tokens, double achievedRate, double maxFrameWorkMs,
                         double p99FrameWorkMs, double maxFrameGapMs, int frames, int framesOver16ms, int turns,
                         double loadAverage, double maxFrameCpuMs, int framesOver16msCpu, double warmupMs,
                         double warmupCpuMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "offered %d tok/s for %.1f s: %d tokens in %d turns; achieved %.0f tok/s;"
                    + " FX frame work max %.1f ms, p99 %.1f ms; frames %d, over 16 ms %d; longest gap between frames "
                    + "%.1f ms; FX thread CPU time per frame max %.1f ms, over 16 ms %d; window shown and warmed in"
                    + " %.0f ms (warm-up: %.0f ms of FX CPU); system load average %.2f on %d cores", offeredRate, seconds, tokens, turns,
                    achievedRate, maxFrameWorkMs, p99FrameWorkMs, frames, framesOver16ms, maxFrameGapMs, maxFrameCpuMs,
                    framesOver16msCpu, warmupMs, warmupCpuMs, loadAverage, Runtime.getRuntime().availableProcessors());
        }
    }

    private StreamBench() {
    }

    /** Runs the bench with the window's warm-up; call off the FX thread with the toolkit started. */
    public static Result run(int rate, double seconds, int turnTokens) throws Exception {
        return run(rate, seconds, turnTokens, ConversationWarmup.ROUNDS);
    }

    /**
     * Runs the bench; call off the FX thread with the toolkit started. {@code warmupRounds} rounds of
     * {@link ConversationWarmup} run first, as the workbench window runs them once it is complete (0: none).
     */
    public static Result run(int rate, double seconds, int turnTokens, int warmupRounds) throws Exception {
        Probe probe = new Probe();
        ConversationStreamBuffer buffer = new ConversationStreamBuffer();
        CompletableFuture<ConversationViewModel> ready = new CompletableFuture<>();
        List<String> css = List.of(css("/assets/css/workbench.css"), css("/assets/css/light.css"));
        CompletableFuture<Double> warmed = new CompletableFuture<>();
        long shown = System.nanoTime();
        Platform.runLater(() -> {
            probe.start();
            ConversationViewModel vm = new ConversationViewModel(null, new ThreadPoolTaskExecutor(Platform::runLater));
            ConversationView view = new ConversationView(vm, () -> { });
            Scene scene = new Scene(view, 1000, 760);
            scene.getStylesheets().setAll(css);
            scene.addPostLayoutPulseListener(probe::afterLayout);
            Stage stage = new Stage();
            stage.setTitle("UserLM Workbench · bench-ui");
            stage.setScene(scene);
            stage.show();
            vm.watch(buffer);
            ready.complete(vm);
            // As the window does once complete (before anyone can start a conversation).
            ConversationWarmup.schedule(view, warmupRounds, warmed::complete);
        });
        ready.get(30, TimeUnit.SECONDS);
        double warmupCpuMs = warmed.get(120, TimeUnit.SECONDS);
        double warmupMs = (System.nanoTime() - shown) / 1e6;
        Thread.sleep(500); // let the first layout settle before measuring
        probe.reset();
        long start = System.nanoTime();
        probe.traceFrom(start, buffer);
        int turns = produce(buffer, rate, seconds, turnTokens);
        long tokens = buffer.textEventsPosted();
        CompletableFuture<Long> drained = new CompletableFuture<>();
        awaitDrained(buffer, tokens, drained);
        long end = drained.get(60, TimeUnit.SECONDS);
        double elapsed = (end - start) / 1e9;
        Result r = probe.result(rate, seconds, tokens, tokens / elapsed, turns, warmupMs, warmupCpuMs);
        Platform.runLater(() -> {
            probe.stop();
            Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && s.getTitle() != null && s.getTitle().endsWith("bench-ui")).toList().forEach(w -> ((Stage) w).close());
        });
        return r;
    }

    private static String css(String path) {
        var url = StreamBench.class.getResource(path);
        return url == null ? path : url.toExternalForm();
    }

    /** Producer thread = the calling thread: paces tokens like a model, ending a turn every {@code turnTokens}. */
    private static int produce(ConversationStreamBuffer buffer, int rate, double seconds, int turnTokens)
            throws InterruptedException {
        long start = System.nanoTime();
        long total = (long) (rate * seconds);
        long sent = 0;
        int index = 0;
        int inTurn = 0;
        StringBuilder text = new StringBuilder();
        buffer.post(new StreamEvent.TurnStarted(0, Role.USER));
        while (sent < total) {
            long due = Math.min(total, (long) (rate * (System.nanoTime() - start) / 1e9));
            while (sent < due) {
                String token = (inTurn > 0 && inTurn % 60 == 0 ? "\n\n" : " ") + WORDS.get((int) (sent % WORDS.size()));
                text.append(token);
                buffer.onText(index, token);
                sent++;
                if (++inTurn >= turnTokens) {
                    buffer.post(new StreamEvent.TurnFinished(turn(index, text.toString(), inTurn)));
                    index++;
                    inTurn = 0;
                    text.setLength(0);
                    buffer.post(new StreamEvent.TurnStarted(index, index % 2 == 0 ? Role.USER : Role.ASSISTANT));
                }
            }
            Thread.sleep(1);
        }
        buffer.post(new StreamEvent.TurnFinished(turn(index, text.toString(), inTurn)));
        return index + 1;
    }

    private static Turn turn(int index, String text, int tokens) {
        return new Turn(index, index % 2 == 0 ? Role.USER : Role.ASSISTANT, text, text, TurnStatus.COMPLETE, null,
                System.currentTimeMillis(), 1L, 1000L, null, tokens, null, "synthetic", List.of(), false, null);
    }

    /** Completes with the time at which the view has taken in every token. */
    private static void awaitDrained(ConversationStreamBuffer buffer, long tokens, CompletableFuture<Long> done) {
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (buffer.textEventsDrained() >= tokens) {
                    stop();
                    done.complete(System.nanoTime());
                }
            }
        }.start());
    }

    /** FX-thread frame timings. */
    private static final class Probe extends AnimationTimer {
        /**
         * {@code -Dbench.trace=true}: print each frame over 16 ms ({@code -Dbench.trace.ms}), when it came and how
         * many tokens were in.
         */
        private static final boolean TRACE = Boolean.getBoolean("bench.trace");
        /** {@code -Dbench.trace.ms=N}: trace frames over N ms of wall time instead of 16. */
        private static final long TRACE_NS = Long.getLong("bench.trace.ms", 16) * 1_000_000L;
        private volatile long traceStart;
        private volatile ConversationStreamBuffer traced;
        private final long[] work = new long[1 << 16];
        /** The FX thread's CPU time per frame: what the frame's code costs, whatever else the machine runs. */
        private final long[] cpu = new long[1 << 16];
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private int frames;
        private long pulseStart;
        private long pulseCpu;
        private long lastPulse;
        private long maxGap;

        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (lastPulse != 0) {
                maxGap = Math.max(maxGap, t - lastPulse);
            }
            lastPulse = t;
            pulseStart = t;
            pulseCpu = threads.getCurrentThreadCpuTime();
        }

        void afterLayout() {
            if (pulseStart != 0 && frames < work.length) {
                cpu[frames] = threads.getCurrentThreadCpuTime() - pulseCpu;
                work[frames++] = System.nanoTime() - pulseStart;
                if (TRACE && traced != null && work[frames - 1] > TRACE_NS) {
                    // the JVM uptime lines the frame up with -Xlog:gc*:file=F:uptime and -Xlog:safepoint
                    System.out.println(String.format(Locale.ROOT, "slow frame %d: %.1f ms (FX CPU %.1f ms), %d ms into"
                            + " the run (JVM uptime %d ms), %d tokens shown", frames, work[frames - 1] / 1e6,
                            cpu[frames - 1] / 1e6, (System.nanoTime() - traceStart) / 1_000_000,
                            ManagementFactory.getRuntimeMXBean().getUptime(), traced.textEventsDrained()));
                }
                pulseStart = 0;
            }
        }

        void traceFrom(long start, ConversationStreamBuffer buffer) {
            traceStart = start;
            traced = buffer;
        }

        synchronized void reset() {
            Platform.runLater(() -> {
                frames = 0;
                maxGap = 0;
                lastPulse = 0;
            });
        }

        Result result(int rate, double seconds, long tokens, double achieved, int turns, double warmupMs,
                double warmupCpuMs) throws Exception {
            CompletableFuture<Result> r = new CompletableFuture<>();
            Platform.runLater(() -> {
                long[] c = Arrays.copyOf(cpu, frames);
                double maxCpu = Arrays.stream(c).max().orElse(0) / 1e6;
                int overCpu = (int) Arrays.stream(c).filter(x -> x > 16_000_000L).count();
                long[] w = Arrays.copyOf(work, frames);
                Arrays.sort(w);
                int over = (int) Arrays.stream(w).filter(x -> x > 16_000_000L).count();
                double max = w.length == 0 ? 0 : w[w.length - 1] / 1e6;
                double p99 = w.length == 0 ? 0 : w[(int) Math.min(w.length - 1, Math.floor(w.length * 0.99))] / 1e6;
                r.complete(new Result(rate, seconds, tokens, achieved, max, p99, maxGap / 1e6, frames, over, turns,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), maxCpu, overCpu,
                        warmupMs, warmupCpuMs));
            });
            return r.get(10, TimeUnit.SECONDS);
        }
    }
}
