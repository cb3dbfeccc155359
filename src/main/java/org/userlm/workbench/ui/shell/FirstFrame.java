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

    /** Posts {@code work} at the start of the first pulse at which {@code condition} holds (FX thread). */
    static void when(BooleanSupplier condition, Runnable work) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (condition.getAsBoolean()) {
                    stop();
                    Platform.runLater(work);
                }
            }
        }.start();
    }
}
