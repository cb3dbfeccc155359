package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** A file that is not a workbench database: one clear message instead of the window, and the file untouched. */
class WorkbenchAppBadDatabaseTest {
    @TempDir
    Path dir;
    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void anUnusableDatabaseShowsOneMessage() throws Exception {
        Path db = dir.resolve("notes.db");
        byte[] content = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(db, content);
        System.setProperty("userlm.config.dir", dir.resolve("config").toString());
        WorkbenchApp.setServicesFactory(GuiServices::open);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--db", db.toString());
        WaitForAsyncUtils.waitForFxEvents();
        FxRobot robot = new FxRobot();
        String message = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#startupError").queryAs(Label.class)
                .getText()).get(10, TimeUnit.SECONDS);
        assertTrue(message.contains("notes.db"), message);
        assertEquals(0, (int) WaitForAsyncUtils.asyncFx(() -> robot.lookup("#taskList").queryAll().size())
                .get(10, TimeUnit.SECONDS), "no workbench window behind the message");
        assertArrayEquals(content, Files.readAllBytes(db), "the file is left as it was");
    }
}
