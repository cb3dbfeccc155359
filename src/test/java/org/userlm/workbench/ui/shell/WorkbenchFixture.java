package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
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

    /** Chooses the first math task and fills both backends. */
    void configure() throws TimeoutException {
        waitFor(() -> robot.lookup("#taskList .list-cell").queryAll().size() > 1);
        robot.clickOn("#taskSearch").write("math");
        robot.interact(() -> {
            choice("#simBackend").setValue(BackendChoice.OPENAI_CHAT);
            choice("#asstBackend").setValue(BackendChoice.OPENAI_CHAT);
            text("#simBaseUrl").setText(server.baseUrl());
            text("#simModel").setText("sim-model");
            text("#asstBaseUrl").setText(server.baseUrl());
            text("#asstModel").setText("asst-model");
        });
        robot.clickOn("#taskList .list-cell");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    <T> ChoiceBox<T> choice(String id) {
        return (ChoiceBox<T>) robot.lookup(id).queryAs(ChoiceBox.class);
    }

    TextInputControl text(String id) {
        return robot.lookup(id).queryAs(TextInputControl.class);
    }

    String endReason() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#endReason").tryQueryAs(Label.class)
                .map(Label::getText).orElse("")).get(10, TimeUnit.SECONDS);
    }

    void awaitEnd(String wire) throws Exception {
        waitFor(() -> endReason().contains(wire));
    }

    int count(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAll().size()).get(10, TimeUnit.SECONDS);
    }

    Node node(String query) {
        return robot.lookup(query).query();
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
