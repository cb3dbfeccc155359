package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;

/**
 * {@link WorkbenchApp#prepare}: the database opens on its own thread while the toolkit starts, and the window uses
 * that opening; a file that is not a database still ends in the one clear message.
 */
class WorkbenchAppPrepareTest {
    @TempDir
    Path dir;
    private Application app;
    private final List<String> openedOn = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private void launch(Path db) throws Exception {
        System.setProperty("userlm.config.dir", dir.resolve("config").toString());
        WorkbenchApp.setServicesFactory(file -> {
            openedOn.add(Thread.currentThread().getName());
            return GuiServices.open(file);
        });
        FxToolkit.registerPrimaryStage();
        WorkbenchApp.prepare(new String[] {"--db", db.toString()});
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--db", db.toString());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWindowUsesTheDatabaseOpenedBeforeLaunch() throws Exception {
        launch(dir.resolve("w.db"));
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                robot.lookup("#taskList").queryAll().size() == 1).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("workbench-start"), openedOn, "opened once, on the start-up thread");
    }

    @Test
    void anUnusableDatabaseOpenedBeforeLaunchShowsOneMessage() throws Exception {
        Path db = dir.resolve("notes.db");
        byte[] content = "not a database\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        Files.write(db, content);
        launch(db);
        String message = WaitForAsyncUtils.asyncFx(() -> new FxRobot().lookup("#startupError").queryAs(Label.class)
                .getText()).get(10, TimeUnit.SECONDS);
        assertTrue(message.contains("notes.db"), message);
        assertEquals(List.of("workbench-start"), openedOn);
        assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(db)), "the file is left as it was");
    }
}
