package org.userlm.workbench.ui.shell;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs start-up work that the first frame does not need once that frame is out: the work is posted when the pulse
 * after the first one begins (the first frame has been laid out and handed to the renderer), so it runs between
 * pulses and its nodes get their CSS and layout on the next one.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    /** Call on the FX thread after {@code stage.show()}. */
    static void after(Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    Platform.runLater(work);
                }
            }
        }.start();
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
