package org.userlm.workbench.ui.shell;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs start-up work that the first frame does not need once that frame is laid out and handed to the renderer;
 * the work runs between pulses and its nodes get their CSS and layout on the next one.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    /**
     * Posts {@code work} right after the layout pass of the first pulse, when that frame's scene graph is settled and
     * handed to the renderer: the work runs on the FX thread while the render thread draws the frame (on a cold JVM
     * the first render of a large window takes a few hundred ms, which waiting for the next pulse would spend idle).
     * Call on the FX thread after {@code stage.show()}.
     */
    static void afterFirstLayout(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        boolean[] posted = {false};
        once[0] = () -> {
            if (!posted[0]) {
                posted[0] = true;
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(once[0]); // not while the scene walks its listeners
                    work.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * Posts {@code work} at the start of the {@code pulses}-th pulse after the first one that began with
     * {@code condition} true (FX thread), i.e. once the window has shown that state for a few frames.
     */
    static void when(BooleanSupplier condition, int pulses, Runnable work) {
        new AnimationTimer() {
            private int after = -1;

            @Override
            public void handle(long now) {
                if (after < 0 && condition.getAsBoolean()) {
                    after = 0;
                }
                if (after >= 0 && after++ == pulses) {
                    stop();
                    Platform.runLater(work);
                }
            }
        }.start();
    }
}
