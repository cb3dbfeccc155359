package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * The "done when": every workspace and dialog at 1024×700 and 1600×1000, light and dark, with no cut
 * text and no text below 4.5:1 contrast. With {@code -Dscreenshots.dir=DIR} it also writes a PNG of each view.
 */
class LayoutAuditTest {
    private static final List<String> USER = List.of("hello there, can you help with a math problem? I have a "
            + "long question about averages", "what about the second part of the question?",
            "thanks, that is all for now <|endconversation|>");
    private static final String ANSWER = "Sure! Let's see.\n\n1. Add them up.\n2. **Answer:** 42\n\n"
            + "```python\nprint(42)\n```\n\nA long token: " + "x".repeat(180);
    private static final int[][] SIZES = {{1024, 700}, {1600, 1000}};

    @TempDir
    Path dir;
    private WorkbenchFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WorkbenchFixture(dir);
        fx.launch();
    }

    @AfterEach
    void stop() throws Exception {
        // Leave TestFX aimed at the primary stage again (its window finder is shared by every later test).
        Stage primary = primary();
        fx.robot.interact(() -> {
            primary.setX(0);
            primary.setY(0);
            primary.setWidth(1440); // the size a fresh window opens at on this screen
            primary.setHeight(900);
            primary.requestFocus();
        });
        fx.robot.targetWindow(primary);
        fx.close();
    }

    @Test
    void nothingIsCutOffAndEveryTextIsReadable() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(16).delayMillis(1));
        fx.configure();
        fx.robot.clickOn("#startButton");
        fx.awaitEnd("USER_ENDED");
        runComparison();
        Set<String> problems = new LinkedHashSet<>();
        for (int[] size : SIZES) {
            for (boolean dark : new boolean[] {false, true}) {
                String mode = size[0] + "x" + size[1] + (dark ? "-dark" : "-light");
                fx.robot.interact(() -> {
                    Stage stage = (Stage) window().stage();
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window().setDark(dark);
                });
                boolean wide = size[0] >= SettingsDrawer.NARROW;
                fx.robot.interact(() -> window().drawer().toggle().setSelected(wide));
                auditWorkspaces(mode, problems);
                auditDialogs(mode, problems);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * The window as a first start shows it, before anything is typed or run, every workspace: nothing cut (the
     * empty fields' hints included) at the sizes where the docked settings drawer leaves the rest least room (just
     * above {@link SettingsDrawer#NARROW}), at the size a fresh window opens at, and at the audit's two sizes.
     */
    @Test
    void aFreshWindowShowsEveryHintWhole() throws Exception {
        Set<String> problems = new LinkedHashSet<>();
        for (int[] size : new int[][] {{1024, 700}, {1210, 760}, {1280, 800}, {1440, 900}, {1600, 1000}}) {
            // Opened at that size with the default layout, as a first start on that screen would open it (a window
            // resized afterwards keeps its task column's width in pixels).
            FxToolkit.cleanupApplication(fx.app);
            Files.createDirectories(fx.config);
            boolean dark = size[0] == 1600; // the dark theme once: its hints' contrast
            Files.writeString(fx.config.resolve("ui-state.json"), "{\"width\": " + size[0] + ", \"height\": "
                    + size[1] + ", \"dark\": " + dark + "}");
            Files.deleteIfExists(fx.config.resolve("ui-layout.json"));
            // Not fx.launch(): below 1200 px the drawer starts folded, so its content is not built and not waited for.
            FxToolkit.registerPrimaryStage();
            fx.app = FxToolkit.setupApplication(WorkbenchApp.class, "--db", fx.db.toString());
            WorkbenchFixture.waitFor(() -> fx.count("#taskList .list-cell") > 1);
            String at = size[0] + "x" + size[1] + (dark ? "-dark" : "");
            audit("fresh-live-tasks-" + at, problems);
            showLeft(1);
            audit("fresh-live-history-" + at, problems);
            showLeft(0);
            String[] views = {"#compare-view", "#annotationView", "#experimentsView"};
            for (int w = 1; w <= views.length; w++) {
                select(w);
                String view = views[w - 1];
                WorkbenchFixture.waitFor(() -> fx.present(view));
                audit("fresh-" + view.substring(1) + "-" + at, problems);
            }
            select(0);
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** Fills the outcome strip: three simulators against the scripted server. */
    private void runComparison() throws Exception {
        select(1);
        WorkbenchFixture.waitFor(() -> fx.present("#compare-view"));
        fx.robot.interact(() -> {
            profile("#assistant-profile").setValue(new BackendProfile("scripted assistant",
                    BackendChoice.OPENAI_CHAT, fx.server.baseUrl(), "asst-model", null, null));
            for (int i = 0; i < 3; i++) {
                profile("#profile-backend-" + i).setValue(new BackendProfile("scripted users",
                        BackendChoice.OPENAI_CHAT, fx.server.baseUrl(), "sim-model", null, null));
            }
            ((Button) fx.node("#start")).fire();
        });
        WorkbenchFixture.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> fx.robot.lookup("#outcome-2")
                .tryQueryAs(javafx.scene.control.Label.class).map(l -> l.getText().contains("ended:")).orElse(false))
                .get(10, TimeUnit.SECONDS));
        select(0);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<BackendProfile> profile(String id) {
        return (ComboBox<BackendProfile>) fx.node(id);
    }

    private void auditWorkspaces(String mode, Set<String> problems) throws Exception {
        showLeft(0);
        audit("live-tasks-" + mode, problems);
        if (!drawerOpen()) { // the settings drawer folds on a narrow window: audit it open as well
            fx.robot.interact(() -> window().drawer().toggle().setSelected(true));
            audit("live-settings-" + mode, problems);
            fx.robot.interact(() -> window().drawer().toggle().setSelected(false));
        }
        showLeft(1);
        audit("live-history-" + mode, problems);
        select(1);
        WorkbenchFixture.waitFor(() -> fx.present("#compare-view"));
        TabPane compareTabs = (TabPane) fx.node("#compare-view .tab-pane");
        String[] sub = {"columns", "repeat", "judge"};
        for (int i = 0; i < sub.length; i++) {
            int index = i;
            fx.robot.interact(() -> compareTabs.getSelectionModel().select(index));
            audit("compare-" + sub[i] + "-" + mode, problems);
        }
        fx.robot.interact(() -> compareTabs.getSelectionModel().select(0));
        // the setup folds once a comparison ran: audit it unfolded too, then fold it back
        fx.robot.interact(() -> ((ToggleButton) fx.node("#setup-toggle")).setSelected(true));
        audit("compare-setup-" + mode, problems);
        fx.robot.interact(() -> ((ToggleButton) fx.node("#setup-toggle")).setSelected(false));
        select(2);
        WorkbenchFixture.waitFor(() -> fx.present("#annotationView"));
        if (!fx.present("#questionPanel .toggle-button")) {
            List<Window> before = new ArrayList<>(Window.getWindows());
            Platform.runLater(() -> ((Button) fx.node("#buildQueue")).fire());
            WorkbenchFixture.waitFor(() -> newWindow(before) != null
                    || fx.present("#questionPanel .toggle-button"));
            if (newWindow(before) != null) { // first use asks for the annotator's name
                auditAndCancel(newWindow(before), "annotator-name-" + mode, problems);
            }
            WorkbenchFixture.waitFor(() -> fx.present("#questionPanel .toggle-button"));
        }
        audit("annotate-" + mode, problems);
        select(0);
    }

    private void auditDialogs(String mode, Set<String> problems) throws Exception {
        dialog("cheat-sheet-" + mode, () -> window().showCheatSheetForTest(), problems);
        showLeft(1);
        fx.robot.interact(() -> fx.robot.lookup("#historyList").queryAs(javafx.scene.control.ListView.class)
                .getSelectionModel().select(0));
        dialog("rename-" + mode, () -> ((Button) fx.node("#renameConversation")).fire(), problems);
        showLeft(0);
        select(2);
        WorkbenchFixture.waitFor(() -> fx.present("#editSchema"));
        dialog("schema-" + mode, () -> ((Button) fx.node("#editSchema")).fire(), problems);
        dialog("schema-json-" + mode, () -> {
            // Runs once the (modal) editor shows: its "Advanced (JSON)" tab.
            Platform.runLater(() -> Window.getWindows().stream().map(w -> w.getScene().lookup("#schemaTabs"))
                    .filter(t -> t instanceof TabPane).findFirst()
                    .ifPresent(t -> ((TabPane) t).getSelectionModel().select(1)));
            ((Button) fx.node("#editSchema")).fire();
        }, problems);
        dialog("agreement-" + mode, () -> ((Button) fx.node("#agreement")).fire(), problems);
        select(0);
        auditPresenter(mode, problems);
    }

    /** The playlist editor with the shown conversation added, then the full-screen presenter playing it. */
    private void auditPresenter(String mode, Set<String> problems) throws Exception {
        List<Window> before = new ArrayList<>(Window.getWindows());
        Platform.runLater(() -> ((Button) fx.node("#presentButton")).fire());
        WorkbenchFixture.waitFor(() -> newWindow(before) != null);
        Window editor = newWindow(before);
        fx.robot.interact(() -> ((Button) editor.getScene().lookup("#addShown")).fire());
        WorkbenchFixture.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.ListView<?>) editor
                .getScene().lookup("#playlistSlides")).getItems().size() == 1).get(10, TimeUnit.SECONDS));
        auditWindow(editor, "playlist-" + mode, problems);
        List<Window> withEditor = new ArrayList<>(Window.getWindows());
        Platform.runLater(() -> ((Button) editor.getScene().lookup("#present")).fire());
        WorkbenchFixture.waitFor(() -> newWindow(withEditor) != null);
        Window presenter = newWindow(withEditor);
        for (int i = 0; i < 3; i++) { // finish the first turn, show the second, finish it
            fx.robot.interact(() -> presenter.getScene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.RIGHT, false, false,
                    false, false)));
        }
        auditWindow(presenter, "presenter-" + mode, problems);
        fx.robot.interact(() -> {
            ((Stage) presenter).setFullScreen(false);
            ((Stage) presenter).close();
            ((Stage) editor).close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void auditWindow(Window w, String name, Set<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(WaitForAsyncUtils.asyncFx(() -> {
            shot(w.getScene(), name);
            return LayoutAudit.check(w.getScene().getRoot(), name);
        }).get(20, TimeUnit.SECONDS));
    }

    /** Opens a dialog with {@code open} (on the FX thread), audits its window, then cancels it with Escape. */
    private void dialog(String name, Runnable open, Set<String> problems) throws Exception {
        List<Window> before = new ArrayList<>(Window.getWindows());
        Platform.runLater(open);
        WorkbenchFixture.waitFor(() -> newWindow(before) != null);
        auditAndCancel(newWindow(before), name, problems);
    }

    private void auditAndCancel(Window w, String name, Set<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(WaitForAsyncUtils.asyncFx(() -> {
            shot(w.getScene(), name);
            return LayoutAudit.check(w.getScene().getRoot(), name);
        }).get(20, TimeUnit.SECONDS));
        fx.robot.interact(() -> {
            var focus = w.getScene().getFocusOwner();
            if (focus instanceof TextInputControl) {
                w.getScene().getRoot().requestFocus();
            }
        });
        fx.robot.interact(() -> {
            var cancel = w.getScene().getRoot().lookupAll(".button").stream()
                    .filter(b -> b instanceof Button bb && bb.isCancelButton()).findFirst();
            cancel.ifPresentOrElse(b -> ((Button) b).fire(), w::hide);
        });
        WorkbenchFixture.waitFor(() -> !w.isShowing());
    }

    private static Window newWindow(List<Window> before) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && !before.contains(w) && w.isShowing())
                .findFirst()
                .orElse(null);
    }

    private void audit(String name, Set<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150); // one more pulse for skins that lay out late (virtual flows)
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = window().stage().getScene();
            shot(scene, name);
            return LayoutAudit.check((Parent) scene.getRoot(), name);
        }).get(20, TimeUnit.SECONDS));
    }

    private static void shot(Scene scene, String name) {
        String out = System.getProperty("screenshots.dir");
        if (out == null || out.isBlank()) {
            return;
        }
        try {
            Path f = Path.of(out).resolve(name + ".png");
            Files.createDirectories(f.getParent());
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", f.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void showLeft(int tab) {
        fx.robot.interact(() -> fx.robot.lookup(".side-tabs").queryAs(TabPane.class).getSelectionModel().select(tab));
    }

    private void select(int workspace) {
        fx.robot.interact(() -> window().workspaces().select(workspace));
    }

    private boolean drawerOpen() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window().drawer().isOpen()).get(10, TimeUnit.SECONDS);
    }

    private MainWindow window() {
        return ((WorkbenchApp) fx.app).window();
    }

    private static Stage primary() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }
}
