package org.userlm.workbench.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** TestFX lookups and property reads on the FX thread, where the scene graph may be read safely. */
public final class Fx {
    private Fx() {
    }

    /** Runs {@code query} on the FX thread and waits (10 s at most) for its answer. */
    public static <T> T call(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    /** The first node matching {@code query}, looked up on the FX thread. */
    public static Node node(FxRobot robot, String query) throws Exception {
        return call(() -> robot.lookup(query).query());
    }

    /** Clicks the first node matching {@code query}, looked up on the FX thread. */
    public static void click(FxRobot robot, String query) throws Exception {
        robot.clickOn(node(robot, query));
    }
}
