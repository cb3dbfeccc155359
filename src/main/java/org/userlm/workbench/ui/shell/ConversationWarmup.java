package org.userlm.workbench.ui.shell;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.ui.conversation.ConversationView;
import org.userlm.workbench.ui.conversation.TurnSample;

/**
 * Runs the code a turn boundary needs once, in the shown scene but never seen, before the first conversation streams:
 * a streaming and a settled bubble of each role (markdown nodes included) through CSS, layout and a snapshot (which
 * rasterises the regular, bold and monospace glyphs). bench-ui showed a session's slow frames at its first turn
 * boundaries only: interpreted CSS, text-layout and markdown code, the first use of a font, and the scene's CSS
 * match caches (kept per scene, so a warm-up in a scene of its own leaves them cold), all paid on a frame.
 *
 * <p>The turns go where the transcript's bubbles go ({@link ConversationView#warm}): unmanaged, mouse transparent
 * and invisible (made visible only inside a step, for the snapshot, so no frame ever shows it). The scene's CSS match
 * cache is keyed by a node's ancestors, so bubbles warmed in a pane of their own left it cold for the real place
 * (bench-ui's first turn boundary was still its slowest frame). They are real turn views ({@link TurnSample}),
 * streamed and then settled, so the code warmed is the code a turn boundary runs. The work is split into steps, one per streamed or settled turn, each its own {@code runLater}, so input and
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

    /**
     * Schedules {@code rounds} rounds on the FX thread, one bubble per {@code runLater}, into {@code view} (which must
     * be in the shown scene); {@code done} gets the FX thread's CPU time spent, in ms.
     */
    public static void schedule(ConversationView view, int rounds, DoubleConsumer done) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = {0};
        List<Runnable> steps = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            TurnSample[] sample = new TurnSample[1];
            steps.add(() -> {
                sample[0] = new TurnSample(role, SAMPLE);
                show(view, sample[0].node());
            });
            steps.add(() -> {
                sample[0].settle();
                show(view, sample[0].node());
            });
        }
        steps.add(() -> view.warm(null));
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

    private static void show(ConversationView view, Region bubble) {
        view.warm(bubble);
        bubble.applyCss();
        double width = bubble.getParent() instanceof Region list && list.getWidth() > 0 ? list.getWidth() : 820;
        bubble.resize(width, bubble.prefHeight(width));
        bubble.layout();
        bubble.setVisible(true);
        bubble.snapshot(null, null);
        bubble.setVisible(false);
    }
}
