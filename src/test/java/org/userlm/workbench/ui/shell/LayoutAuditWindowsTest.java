package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.Main;
import org.userlm.workbench.testing.ExperimentFixture;

/**
 * The rest of the "done when" ({@link LayoutAuditTest} covers Live, Compare, Annotate and their dialogs):
 * the Experiments workspace with a finished experiment, its two dialogs, the model manager, the welcome page and
 * the save-profile and switch-annotator dialogs, at 1024×700 and 1600×1000, light and dark. Secondary windows are
 * sized to the mode as well. {@code -Dscreenshots.dir=DIR} writes one PNG per view.
 */
class LayoutAuditWindowsTest {
    private static final int[][] SIZES = {{1024, 700}, {1600, 1000}};

    @TempDir
    Path dir;
    private WorkbenchFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WorkbenchFixture(dir);
        try (ExperimentFixture exp = new ExperimentFixture(0)) { // a finished experiment for the dashboard
            Path config = dir.resolve("exp.json");
            Files.writeString(config, exp.config(ExperimentFixture.tasks(dir, 4), 2, 2, 4));
            assertEquals(0, Main.run("experiment", "run", "--config", config.toString(), "--db", fx.db.toString()));
        }
        fx.launch();
    }

    @AfterEach
    void stop() throws Exception {
        Stage primary = FxToolkit.toolkitContext().getRegisteredStage();
        fx.robot.interact(() -> {
            primary.setX(0);
            primary.setY(0);
            primary.setWidth(1440);
            primary.setHeight(900);
        });
        fx.robot.targetWindow(primary);
        fx.close();
    }

    @Test
    void experimentsModelsWelcomeAndTheRemainingDialogsAreWholeAndReadable() throws Exception {
        Set<String> problems = new LinkedHashSet<>();
        for (int[] size : SIZES) {
            for (boolean dark : new boolean[] {false, true}) {
                String mode = size[0] + "x" + size[1] + (dark ? "-dark" : "-light");
                fx.robot.interact(() -> {
                    Stage stage = window().stage();
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window().setDark(dark);
                });
                auditExperiments(mode, problems);
                sized("models-" + mode, size, () -> ((Button) fx.node("#modelsButton")).fire(), problems);
                sized("welcome-" + mode, size, () -> ((Button) fx.node("#welcomeButton")).fire(), problems);
                fx.robot.interact(() -> window().drawer().toggle().setSelected(true));
                LayoutAuditSteps.dialog(fx, "save-profile-" + mode, () -> ((Button) fx.robot
                        .lookup("#settingsPane .button").match(n -> "Save…".equals(((Button) n).getText()))
                        .query()).fire(), problems);
                fx.robot.interact(() -> window().drawer().toggle().setSelected(size[0] >= SettingsDrawer.NARROW));
                fx.robot.interact(() -> window().workspaces().select(2));
                WorkbenchFixture.waitFor(() -> fx.present("#switchAnnotator"));
                LayoutAuditSteps.dialog(fx, "switch-annotator-" + mode,
                        () -> ((Button) fx.node("#switchAnnotator")).fire(), problems);
                fx.robot.interact(() -> window().workspaces().select(0));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** The workspace with the finished experiment's dashboard, then its definitions and config dialogs. */
    private void auditExperiments(String mode, Set<String> problems) throws Exception {
        fx.robot.interact(() -> window().workspaces().select(3));
        WorkbenchFixture.waitFor(() -> fx.present("#expList"));
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> !((ComboBox<?>) fx.node("#expList")).getItems().isEmpty()));
        fx.robot.interact(() -> ((ComboBox<?>) fx.node("#expList")).getSelectionModel().select(0));
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> !((TableView<?>) fx.node("#metricsTable")).getItems()
                .isEmpty()));
        LayoutAuditSteps.audit(fx, window().stage(), "experiments-" + mode, problems);
        LayoutAuditSteps.dialog(fx, "experiment-definitions-" + mode,
                () -> ((Button) fx.node("#definitions")).fire(), problems);
        LayoutAuditSteps.dialog(fx, "experiment-config-" + mode, () -> ((Button) fx.robot.lookup(".button")
                .match(n -> "Show config JSON".equals(((Button) n).getText())).query()).fire(), problems);
        fx.robot.interact(() -> window().workspaces().select(0));
    }

    /** Opens a window, sizes it to the mode (a secondary window must hold at both sizes too), audits and closes it. */
    private void sized(String name, int[] size, Runnable open, Set<String> problems) throws Exception {
        List<Window> before = new ArrayList<>(Window.getWindows());
        Platform.runLater(open);
        WorkbenchFixture.waitFor(() -> LayoutAuditSteps.newWindow(before) != null);
        Window w = LayoutAuditSteps.newWindow(before);
        fx.robot.interact(() -> {
            w.setX(0);
            w.setY(0);
            w.setWidth(size[0]);
            w.setHeight(size[1]);
        });
        Thread.sleep(300); // tables and the model list fill from a background thread
        LayoutAuditSteps.audit(fx, w, name, problems);
        fx.robot.interact(w::hide);
        WorkbenchFixture.waitFor(() -> !w.isShowing());
    }

    private MainWindow window() {
        return ((WorkbenchApp) fx.app).window();
    }
}
