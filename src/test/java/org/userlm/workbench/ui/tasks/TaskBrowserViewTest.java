package org.userlm.workbench.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/** The task count under the list is the number of rows the list shows, kind filter included; imports notify. */
@ExtendWith(ApplicationExtension.class)
class TaskBrowserViewTest {
    @TempDir
    static Path dir;
    private GuiServices services;
    private TaskBrowserViewModel vm;

    @Start
    void start(Stage stage) {
        services = CompletableFuture.supplyAsync(() -> GuiServices.open(dir.resolve("tv-" + System.nanoTime()
                + ".db"))).join();
        vm = new TaskBrowserViewModel(services, new ThreadPoolTaskExecutor(Platform::runLater));
        stage.setScene(new Scene(new TaskBrowserView(vm), 600, 600));
        stage.show();
        vm.load(null);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static String status(FxRobot robot) throws Exception {
        return Fx.call(() -> robot.lookup("#taskStatus").queryAs(Label.class).getText());
    }

    private static int rows(FxRobot robot) throws Exception {
        return Fx.call(() -> robot.lookup("#taskList").queryAs(ListView.class).getItems().size());
    }

    @SuppressWarnings("unchecked")
    private static void kind(FxRobot robot, TaskKind k) {
        robot.interact(() -> robot.lookup("#taskKindFilter").queryAs(ChoiceBox.class).setValue(k));
    }

    @Test
    void theCountIsWhatTheKindFilterLeaves(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(robot) > 0 && status(robot).endsWith(" tasks"));
        int all = rows(robot);
        assertEquals(all + " tasks", status(robot));
        kind(robot, TaskKind.CODE);
        int code = rows(robot);
        assertTrue(code > 0 && code < all, code + " of " + all);
        assertEquals(code + " of " + all + " tasks", status(robot));

        // After an import's message (and its notice), the next filter shows its count again.
        Path bad = Files.writeString(dir.resolve("notes-" + System.nanoTime() + ".json"), "{\"hello\": 1}");
        robot.interact(() -> vm.importFiles(List.of(bad)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).startsWith("Import failed"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> robot.lookup(".notification-bar")
                .lookup((Label l) -> l.getText() != null && l.getText().startsWith("Import failed")).tryQuery()
                .isPresent()));
        kind(robot, TaskKind.MATH);
        int math = rows(robot);
        assertEquals(math + " of " + all + " tasks", status(robot));
        kind(robot, null);
        assertEquals(all + " tasks", status(robot));
    }
}
