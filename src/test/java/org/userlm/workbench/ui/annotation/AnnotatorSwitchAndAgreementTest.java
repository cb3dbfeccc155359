package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.evaluation.agreement.AgreementResult;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/**
 * The annotator is switched from the Annotate bar (the name kept in preferences, as the window wires it); the two
 * annotators' answers then show in the Agreement dialog, per question, with what each figure means a click away.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotatorSwitchAndAgreementTest {
    @TempDir
    static Path dir;
    private static final Preferences PREFS = Preferences.userNodeForPackage(AnnotatorName.class);
    private String previousName;
    private SqliteDatabase db;
    private AnnotationView view;

    @Start
    void start(Stage stage) {
        previousName = PREFS.get("annotator", null);
        PREFS.put("annotator", "alice");
        db = AnnotationFixtures.seedAndOpen(dir.resolve("sw-" + System.nanoTime() + ".db"), AnnotationFixtures::seed);
        SqliteAnnotationRepository answers = new SqliteAnnotationRepository(db);
        AnnotationViewModel vm = new AnnotationViewModel(new SqliteConversationRepository(db), answers,
                new SqliteAnnotationSchemaRepository(db), AnnotatorName.fromPreferences(),
                new ThreadPoolTaskExecutor(Platform::runLater), System::currentTimeMillis);
        view = new AnnotationView(vm, () -> AgreementDialog.show(answers, vm.schema()));
        vm.load();
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
        if (previousName == null) {
            PREFS.remove("annotator");
        } else {
            PREFS.put("annotator", previousName);
        }
    }

    /**
     * Picks option {@code n} of "human like" of the first turn once the queue is {@code annotator}'s. Through the
     * view model: headless Monocle sends no more keys to the window after a modal dialog closed (the keyboard path
     * is AnnotationViewKeyboardTest's).
     */
    private void answer(FxRobot robot, int n, String annotator) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> annotator.equals(view.viewModel()
                .annotator()) && view.viewModel().items().size() == 5));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.viewModel().pickOption(n));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ratings().containsKey(annotator));
    }

    /** The name field of the "Switch annotator" dialog, or null while it is not showing. */
    private static TextField nameField(FxRobot robot) {
        return robot.lookup(".dialog-pane .text-field").tryQueryAs(TextField.class).orElse(null);
    }

    /** annotator -> stored human_like rating of c1's first turn, read with plain JDBC off the FX thread. */
    private Map<String, String> ratings() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
             PreparedStatement ps = c.prepareStatement("SELECT annotator, value_json FROM annotations WHERE "
                     + "conversation_id = 'c1' AND turn_idx = 0 AND question = 'human_like'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void switchingTheAnnotatorStoresUnderTheNewNameAndAgreementShowsBoth(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.B);
        answer(robot, 4, "alice");
        assertEquals("Annotator: alice", Fx.call(() -> ((Button) robot.lookup("#switchAnnotator").query()).getText()));

        Fx.click(robot, "#switchAnnotator");                         // a dialog asks for the new name
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> nameField(robot) != null));
        robot.interact(() -> nameField(robot).setText("bob"));
        Fx.click(robot, "OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Annotator: bob", Fx.call(() -> ((Button) robot.lookup("#switchAnnotator").query()).getText()));
        answer(robot, 2, "bob");                       // the switch rebuilt the queue for bob
        assertEquals("bob", Fx.call(() -> view.viewModel().annotator()));
        assertEquals(Map.of("alice", "4", "bob", "2"), ratings());

        Fx.click(robot, "#agreement");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> !robot.lookup("#agreementTable")
                .queryAs(TableView.class).getItems().isEmpty()));
        AgreementResult human = Fx.call(() -> {
            TableView<?> table = robot.lookup("#agreementTable").queryAs(TableView.class);
            return table.getItems().stream().map(AgreementResult.class::cast)
                    .filter(r -> r.question().equals("human_like")).findFirst().orElseThrow();
        });
        assertEquals(1, human.items());
        assertEquals(List.of("alice", "bob"), human.annotators().stream().sorted().toList());
        int columns = Fx.call(() -> robot.lookup("#agreementTable").queryAs(TableView.class).getColumns().size());
        assertEquals(7, columns, "question, items, annotators, κ, α nominal / ordinal / interval");
        Fx.click(robot, "What do these mean?");
        assertTrue(Fx.call(() -> robot.lookup((TitledPane p) -> "What do these mean?".equals(p.getText()))
                .queryAs(TitledPane.class).isExpanded()));
    }
}
