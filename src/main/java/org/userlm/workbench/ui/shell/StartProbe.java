package org.userlm.workbench.ui.shell;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For {@code bench-start}: with {@code -Duserlm.startProbe=true}, prints the JVM uptime at the first pulse after the
 * window is shown (the pulse that renders the first frame) as {@code userlm-start-probe first-frame <ms>}, lets a
 * few more frames through, and exits the application. Used by the workbench and by the bare window it is compared
 * with, so both are timed the same way.
 */
public final class StartProbe {
    /** The line prefix the benchmark reads. */
    public static final String PREFIX = "userlm-start-probe first-frame ";

    private StartProbe() {
    }

    /** True when the probe is on. */
    public static boolean enabled() {
        return Boolean.getBoolean("userlm.startProbe");
    }

    /** Call on the FX thread right after {@code stage.show()}. */
    public static void afterShow() {
        if (!enabled()) {
            return;
        }
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (frames++ == 0) {
                    System.out.println(PREFIX + ManagementFactory.getRuntimeMXBean().getUptime());
                    System.out.flush();
                } else if (frames > 5) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }
}
