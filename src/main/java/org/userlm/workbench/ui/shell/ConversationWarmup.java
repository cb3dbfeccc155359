package org.userlm.workbench.ui.shell;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.ui.conversation.TurnSample;

/**
 * Runs the code a turn boundary needs once, in the shown scene but never seen, before the first conversation streams:
 * a streaming and a settled bubble of each role (markdown nodes included) through CSS, layout and a snapshot (which
 * rasterises the regular, bold and monospace glyphs). bench-ui showed a session's slow frames at its first turn
 * boundaries only: interpreted CSS, text-layout and markdown code, the first use of a font, and the scene's CSS
 * match caches (kept per scene, so a warm-up in a scene of its own leaves them cold), all paid on a frame.
 *
 * <p>The turns go into a {@link #host()} pane that the caller puts into the conversation view: unmanaged, mouse
 * transparent and invisible (made visible only inside a step, for the snapshot, so no frame ever shows it). They are
 * real turn views ({@link TurnSample}), streamed and then settled, so the code warmed is the code a turn boundary
 * runs. The work is split into steps, one per streamed or settled turn, each its own {@code runLater}, so input and
 * pulses get through between them.
 */
public final class ConversationWarmup {
    private static final String SAMPLE = "The user wants a function that returns the running maximum of a list, so "
            + "we keep the **largest value** seen so far and append it at each step; edge cases are *empty* lists and "
            + "negative numbers, which we handle with `float('-inf')` as the start.\n\n1. Start with `best`.\n2. "
            + "**Answer:** 42\n\n```python\nprint(42)\n```\n\n> a quoted line\n\n# A heading\n\nA [link](http://x)"
            + " and more text.";
    /** Rounds the window runs: one bubble each, user and assistant in turn, streamed then settled (bench-ui: 12). */
    public static final int ROUNDS = 12;

    private ConversationWarmup() {
    }

    /** The pane to add to the conversation view's children; empty and invisible outside a warm-up step. */
    public static Pane host() {
        Pane host = new Pane();
        host.setManaged(false);
        host.setMouseTransparent(true);
        host.setVisible(false);
        host.resize(820, 600);
        return host;
    }

    /**
     * Schedules {@code rounds} rounds on the FX thread, one bubble per {@code runLater}, into {@code host} (which must
     * be in the shown scene); {@code done} gets the FX thread's CPU time spent, in ms.
     */
    public static void schedule(Pane host, int rounds, DoubleConsumer done) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = {0};
        List<Runnable> steps = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            TurnSample[] sample = new TurnSample[1];
            steps.add(() -> {
                sample[0] = new TurnSample(role, SAMPLE);
                show(host, sample[0].node());
            });
            steps.add(() -> {
                sample[0].settle();
                show(host, sample[0].node());
            });
        }
        steps.add(() -> host.getChildren().clear());
        next(steps, 0, threads, cpu, done);
    }

    private static void next(List<Runnable> steps, int i, ThreadMXBean threads, long[] cpu, DoubleConsumer done) {
        Platform.runLater(() -> {
            if (i == steps.size()) {
                done.accept(cpu[0] / 1e6);
                return;
            }
            long t = threads.getCurrentThreadCpuTime();
            steps.get(i).run();
            cpu[0] += threads.getCurrentThreadCpuTime() - t;
            next(steps, i + 1, threads, cpu, done);
        });
    }

    private static void show(Pane host, Region bubble) {
        host.getChildren().setAll(bubble);
        bubble.applyCss();
        bubble.resize(host.getWidth(), bubble.prefHeight(host.getWidth()));
        bubble.layout();
        host.setVisible(true);
        bubble.snapshot(null, null);
        host.setVisible(false);
    }
}
