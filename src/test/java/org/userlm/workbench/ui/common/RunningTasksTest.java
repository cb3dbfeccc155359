package org.userlm.workbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's shared progress: a slow task shows a bar only once it has run a second (determinate when it
 * reports progress), the bar goes when it ends, and a task marked {@code notifies} ends with a corner notification.
 * The clock is the test's, so "a second" is exact and the test never sleeps on it.
 */
class RunningTasksTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private Stage stage;
    private StatusBar bar;
    private RunningTasks running;
    private ThreadPoolTaskExecutor executor;
    private String notificationsOff;

    @BeforeEach
    void setUp() throws Exception {
        notificationsOff = System.clearProperty("userlm.notifications.off"); // other UI tests switch them off
        stage = FxToolkit.registerPrimaryStage();
        running = fx(() -> new RunningTasks(() -> stage, now::get));
        executor = new ThreadPoolTaskExecutor(Platform::runLater, running);
        FxToolkit.setupStage(s -> {
            bar = new StatusBar();
            running.drive(bar, new SimpleStringProperty("Ready"), new SimpleDoubleProperty(0));
            s.setScene(new Scene(new BorderPane(new Label("workspace"), null, null, bar, null), 700, 400));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdown();
        FxToolkit.cleanupStages();
        if (notificationsOff != null) {
            System.setProperty("userlm.notifications.off", notificationsOff);
        }
    }

    @Test
    void aSlowTaskShowsItsProgressAfterASecondAndANotificationAtTheEnd() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTask.withProgress(p -> {
            p.accept(0.4);
            reported.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            return 12;
        }).describedAs("importing tasks").notifies("Import finished", n -> n + " tasks imported")
                .executeWith(executor);
        assertTrue(reported.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            running.refresh();
            return null;
        });
        assertEquals("Ready", fx(bar::getText), "under a second: no bar yet");
        assertEquals(0.0, fx(bar::getProgress));
        assertFalse(fx(() -> running.busyProperty().get()));

        now.addAndGet(RunningTasks.SHOW_AFTER_MS);
        fx(() -> {
            running.refresh();
            return null;
        });
        assertEquals("Importing tasks…", fx(bar::getText));
        assertEquals(0.4, fx(bar::getProgress), 1e-9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> bar.lookup(".progress-bar") != null && bar.lookup(".progress-bar").isVisible()),
                "the status bar shows its progress bar");

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> running.busyProperty().get()));
        assertEquals("Ready", fx(bar::getText));
        assertEquals(0.0, fx(bar::getProgress));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notification("12 tasks imported"));
    }

    @Test
    void workWithoutProgressGetsAnIndeterminateBarAndAFailureNotice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTask.wrap(() -> {
            assertTrue(release.await(30, TimeUnit.SECONDS));
            throw new IllegalStateException("the file is not JSON");
        }).describedAs("exporting the comparison").notifies("Export", v -> "done").executeWith(executor);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            now.addAndGet(RunningTasks.SHOW_AFTER_MS);
            running.refresh();
            return running.busyProperty().get();
        }));
        assertEquals("Exporting the comparison…", fx(bar::getText));
        assertEquals(-1.0, fx(bar::getProgress), "indeterminate");
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> running.busyProperty().get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notification("the file is not JSON"));
    }

    /** Whether a ControlsFX notification popup showing {@code text} is open. */
    private static boolean notification(String text) throws Exception {
        return fx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .flatMap(w -> w.getScene().getRoot().lookupAll(".label").stream())
                .anyMatch((Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains(text)));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
