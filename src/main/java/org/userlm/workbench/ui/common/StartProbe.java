package org.userlm.workbench.ui.common;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * For {@code bench-start}: with {@code -Duserlm.startProbe=true}, prints two JVM uptimes and exits the application:
 * <ul>
 * <li>{@code userlm-start-probe first-frame <ms>}: the first pulse after the window was shown (the show itself ran
 * the scene's first CSS and layout pass; this pulse renders it);</li>
 * <li>{@code userlm-start-probe ready <ms>}: the pulse after the first one that began with the window complete
 * (so that one's CSS and layout are included); complete means, for the
 * workbench: the last session's state restored (geometry, theme, tabs, profiles), the task list loaded with the last
 * task selected, and everything built after the first frame (the settings drawer) in the scene, so the next input
 * reaches a finished window.</li>
 * </ul>
 * Each line ends with {@code cpu <ms>}, the process's CPU time so far. The bare window it is compared with is ready at
 * its first frame. Both are timed the same way, in the same kind of
 * child JVM.
 */
public final class StartProbe {
    /** The line prefix the benchmark reads for the first frame. */
    public static final String PREFIX = "userlm-start-probe first-frame ";
    /** The line prefix the benchmark reads for the restored, complete window. */
    public static final String READY = "userlm-start-probe ready ";
    /** With {@code -Duserlm.startProbe.threads=true}: CPU ms per thread (grouped by name) at ready. */
    public static final String READY_THREADS = "userlm-start-probe ready threads ";

    private StartProbe() {
    }

    private static final boolean TRACE = Boolean.getBoolean("userlm.trace.startup");

    /**
     * With {@code -Duserlm.trace.startup=true}: prints the JVM uptime and the thread of one start-up step to stderr
     * ("{@code start-trace 1480 ms [JavaFX Application Thread] start}"); the log itself starts in the middle of
     * start-up, so it cannot time it. With {@code -Duserlm.startProbe.threads=true} as well, each line ends with the
     * CPU ms of every thread so far ({@link #threadCpu}), so the CPU between two steps splits by thread; with the
     * probe on, every pulse after the show is a step ("{@code pulse 3}").
     */
    public static void mark(String step) {
        if (TRACE) {
            System.err.println("start-trace " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms ["
                    + Thread.currentThread().getName() + "] " + step
                    + (Boolean.getBoolean("userlm.startProbe.threads") ? " | " + threadCpu() : ""));
        }
    }

    /** True when the probe is on. */
    public static boolean enabled() {
        return Boolean.getBoolean("userlm.startProbe");
    }

    /** Call on the FX thread right after {@code stage.show()} of a window that is complete when shown. */
    public static void afterShow() {
        afterShow(() -> true);
    }

    /** Call on the FX thread right after {@code stage.show()}; {@code ready} is asked on the FX thread each pulse. */
    public static void afterShow(BooleanSupplier ready) {
        if (!enabled()) {
            return;
        }
        new AnimationTimer() {
            private int frames;
            private int afterReady = -1;

            @Override
            public void handle(long now) {
                if (frames++ == 0) {
                    print(PREFIX);
                }
                mark("pulse " + frames);
                if (afterReady < 0) {
                    afterReady = ready.getAsBoolean() ? 0 : -1;
                } else if (afterReady++ == 0) {
                    print(READY); // the pulse that began ready has done its CSS and layout
                    snapshot();
                    nodes();
                } else if (afterReady > 5) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }

    /**
     * CPU ms of each live thread, grouped by name without its number (Linux {@code /proc/self/task}; USER_HZ 100,
     * so 10 ms steps), biggest first: "{@code C2 CompilerThre=1610 JavaFX Applicat=1370 ...}" (the kernel keeps 15
     * characters of a name). Threads that ended before are not counted.
     */
    static String threadCpu() {
        Map<String, Long> groups = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc/self/task"))) {
            dirs.forEach(d -> {
                try {
                    String name = Files.readString(d.resolve("comm")).trim().replaceAll("[#\\d-]+$", "");
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we read it
                }
            });
        } catch (IOException e) {
            return "n/a";
        }
        StringBuilder b = new StringBuilder();
        groups.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue()));
        return b.toString();
    }

    /**
     * With {@code -Duserlm.startProbe.snapshot=FILE}: the window as it was at ready, as a PNG (what "ready" looked
     * like; taken after the ready line, so it does not count).
     */
    private static void snapshot() {
        String file = System.getProperty("userlm.startProbe.snapshot");
        if (file == null) {
            return;
        }
        Window.getWindows().stream().filter(Window::isShowing).findFirst().ifPresent(w -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(w.getScene().snapshot(null), null), "png", new File(file));
            } catch (IOException e) {
                System.err.println("cannot write the snapshot " + file + ": " + e.getMessage());
            }
        });
    }

    /**
     * With {@code -Duserlm.startProbe.nodes=true}: how many nodes the shown windows held at ready, in all and by
     * class, most first ("{@code userlm-start-probe nodes 612: Label=140 HBox=61 ...}"): the first CSS and layout
     * pass costs about a millisecond per node on a cold JVM.
     */
    private static void nodes() {
        if (!Boolean.getBoolean("userlm.startProbe.nodes")) {
            return;
        }
        Map<String, Integer> byClass = new TreeMap<>();
        int[] all = {0};
        Window.getWindows().stream().filter(Window::isShowing).forEach(w -> count(w.getScene().getRoot(), byClass, all));
        StringBuilder b = new StringBuilder("userlm-start-probe nodes " + all[0] + ":");
        byClass.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        System.out.println(b);
    }

    private static void count(Node n, Map<String, Integer> byClass, int[] all) {
        all[0]++;
        String name = n.getClass().getName();
        byClass.merge(name.substring(name.lastIndexOf('.') + 1), 1, Integer::sum);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> count(c, byClass, all));
        }
    }

    private static void print(String prefix) {
        // The process's CPU time too: on a shared machine it varies far less with the load than the uptime does.
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.out.println(prefix + ManagementFactory.getRuntimeMXBean().getUptime() + " cpu " + cpu);
        if (prefix.equals(READY) && Boolean.getBoolean("userlm.startProbe.threads")) {
            System.out.println(READY_THREADS + threadCpu());
        }
        System.out.flush();
    }
}
