package org.userlm.workbench.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** TestFX lookups and property reads on the FX thread, where the scene graph may be read safely. */
public final class Fx {
    private Fx() {
    }

    /** Runs {@code query} on the FX thread and waits (10 s at most) for its answer. */
    public static <T> T call(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    /** Waits (10 s at most) until {@code condition}, asked on the FX thread, holds. */
    public static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> call(condition));
    }

    /**
     * Starts the toolkit if needed, builds {@code root} on the FX thread and shows it in the primary stage at
     * {@code width} x {@code height} with the workbench's stylesheets (light theme); waits for the FX thread to
     * settle and returns the scene.
     */
    public static Scene showThemed(Callable<? extends Parent> root, double width, double height) throws Exception {
        Scene[] scene = new Scene[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            try {
                scene[0] = new Scene(root.call(), width, height);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            scene[0].getStylesheets().add(Fx.class.getResource("/assets/css/workbench.css").toExternalForm());
            scene[0].getStylesheets().add(Fx.class.getResource("/assets/css/light.css").toExternalForm());
            s.setScene(scene[0]);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return scene[0];
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
