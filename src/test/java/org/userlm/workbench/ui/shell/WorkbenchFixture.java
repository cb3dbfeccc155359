package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.settings.BackendChoice;

/** Starts the real window on a temp database and points both sides at a scripted server. */
final class WorkbenchFixture {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    final FxRobot robot = new FxRobot();
    final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();
    final Path db;
    final Path config;
    Application app;

    WorkbenchFixture(Path dir) {
        this.db = dir.resolve("workbench.db");
        this.config = dir.resolve("config");
        System.setProperty("userlm.config.dir", config.toString());
        // Corner notices would sit over buttons the robot clicks; they are cosmetic (the status line says it all).
        System.setProperty("userlm.notifications.off", "true");
        WorkbenchApp.setServicesFactory(GuiServices::open);
    }

    void launch() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--db", db.toString());
        WaitForAsyncUtils.waitForFxEvents();
        // The settings drawer's content is built after the first frame, its cards below the fold a second later:
        // tests look their controls up at once.
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> {
            MainWindow w = ((WorkbenchApp) app).window();
            return w == null || w.drawer().isComplete();
        }).get(10, TimeUnit.SECONDS));
    }

    void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        server.close();
    }

    /** The user side answers by how many user turns exist; the assistant with {@code assistant}. */
    void script(List<String> userTurns, Reply assistant) {
        server.respondWith(req -> req.model().equals("sim-model") ? Reply.text(userTurn(req, userTurns))
                .chunkSize(3).delayMillis(8) : assistant);
    }

    private static String userTurn(RecordedRequest req, List<String> turns) {
        long n = req.messages().stream().filter(m -> m.role() == Role.USER).count();
        return turns.get((int) Math.min(n, turns.size() - 1));
    }

    /** Chooses the first math task and fills both backends. The choice/text helpers are for use inside interact. */
    void configure() throws Exception {
        waitFor(() -> count("#taskList .list-cell") > 1);
        click("#taskSearch");
        robot.write("math");
        robot.interact(() -> {
            choice("#simBackend").setValue(BackendChoice.OPENAI_CHAT);
            choice("#asstBackend").setValue(BackendChoice.OPENAI_CHAT);
            text("#simBaseUrl").setText(server.baseUrl());
            text("#simModel").setText("sim-model");
            text("#asstBaseUrl").setText(server.baseUrl());
            text("#asstModel").setText("asst-model");
        });
        click("#taskList .list-cell");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Runs {@code query} on the FX thread (every look at the scene graph goes through here) and waits for it; on the
     * FX thread itself (inside {@code interact}) it runs at once.
     */
    <T> T onFx(Callable<T> query) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return query.call();
        }
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    /** Clicks the first node matching {@code query}, found on the FX thread. */
    void click(String query) throws Exception {
        robot.clickOn(node(query));
    }

    /** Whether a node matches {@code query} (looked up on the FX thread). */
    boolean present(String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    /** Whether the first node matching {@code query} is disabled (looked up on the FX thread). */
    boolean disabled(String query) throws Exception {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    /** How many turns the shown transcript has (the view model's count, not the windowed bubbles on screen). */
    int turns() throws Exception {
        return onFx(() -> ((WorkbenchApp) app).window().conversation().shownProperty().get().turns().size());
    }

    @SuppressWarnings("unchecked")
    <T> ChoiceBox<T> choice(String id) {
        return (ChoiceBox<T>) robot.lookup(id).queryAs(ChoiceBox.class);
    }

    TextInputControl text(String id) {
        return robot.lookup(id).queryAs(TextInputControl.class);
    }

    String endReason() throws Exception {
        return onFx(() -> robot.lookup("#endReason").tryQueryAs(Label.class).map(Label::getText).orElse(""));
    }

    void awaitEnd(String wire) throws Exception {
        waitFor(() -> endReason().contains(wire));
    }

    int count(String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAll().size());
    }

    /** The first node matching {@code query}, looked up on the FX thread (from any thread). */
    Node node(String query) {
        try {
            return onFx(() -> robot.lookup(query).query());
        } catch (Exception e) {
            throw new IllegalStateException("lookup of " + query + " failed", e);
        }
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS, condition);
    }

    /** The shown conversation's text, from the view model (what the bubbles display). */
    String transcriptText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            StringBuilder sb = new StringBuilder();
            MainWindow w = ((WorkbenchApp) app).window();
            w.conversation().shownProperty().get().turns().forEach(t -> sb.append(t.role()).append(": ")
                    .append(t.text()).append('\n'));
            return sb.toString();
        }).get(10, TimeUnit.SECONDS);
    }
}
