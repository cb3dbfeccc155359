package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.AppContext;
import org.userlm.workbench.domain.JudgmentWinner;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * A live three-column comparison (UserLM, prompted, sharded) against a scripted OpenAI-compatible server on loopback,
 * then the same comparison reopened by a new view on the same database file. Every look at the scene graph or a
 * property runs on the FX thread ({@link #fx}).
 */
class CompareViewTest extends FxRobot {
    static final Task APPLES = new Task("t-math-1", TaskKind.MATH, "test", "Tom's apples",
            "Tom has 3 boxes of 4 apples. How many apples does he have?",
            List.of(new Shard(1, "how many apples does Tom have?"), new Shard(2, "he has 3 boxes"),
                    new Shard(3, "each box holds 4 apples")), "3*4=<<3*4=12>>12\n#### 12", null);

    @TempDir
    Path dir;
    ScriptedOpenAiServer server;
    ThreadPoolTaskExecutor executor;
    Stage stage;

    @BeforeEach
    void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        executor = new ThreadPoolTaskExecutor(Platform::runLater);
        server = ScriptedOpenAiServer.start().respondWith(CompareViewTest::reply);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        server.close();
        executor.shutdown();
    }

    static Reply slow(String text) {
        return Reply.text(text).chunkSize(5).delayMillis(25);
    }

    static Reply reply(RecordedRequest r) {
        List<ChatMessage> ms = r.messages();
        long userTurns = ms.stream().filter(m -> m.role().wire().equals("user")).count();
        String all = ms.stream().map(ChatMessage::content).collect(Collectors.joining("\n"));
        return switch (r.model()) {
            case "userlm-8b" -> slow(userTurns == 0 ? "\nso tom has a few boxes of apples, how many apples total?"
                    : userTurns == 1 ? "\nhe has 3 boxes and each box has 4 apples"
                    : "\ngreat thanks so much<|endconversation|>");
            // roles are swapped for the prompted simulator: its own earlier turns come back as assistant messages
            case "gpt-4o-user" -> slow(ms.stream().noneMatch(m -> m.role().wire().equals("assistant"))
                    ? "Hi! Tom has 3 boxes with 4 apples in each box. How many apples does he have in total?"
                    : "Thanks, that's all I needed.");
            // the prompt lists revealed shards too: look only at the ones not given yet
            case "sharded-llm" -> slow(ms.get(0).content().substring(ms.get(0).content().indexOf("not given yet"))
                    .contains("he has 3 boxes")
                    ? "{\"response\": \"Tom has 3 boxes in total\", \"shard_id\": 2}"
                    : "{\"response\": \"and every box holds 4 apples\", \"shard_id\": 3}");
            default -> {
                String users = ms.stream().filter(m -> m.role().wire().equals("user")).map(ChatMessage::content)
                        .collect(Collectors.joining("\n"));
                yield slow(users.startsWith("Hi!") ? "Tom has 3 + 4 = 7 apples."
                        : users.contains("3") && users.contains("4") ? "Tom has 3 × 4 = 12 apples."
                        : "How many boxes are there, and how many apples per box?");
            }
        };
    }

    /** Runs {@code query} on the FX thread and waits for its answer. */
    static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    /** Wires the view models as the main window does and shows the view. */
    CompareViewModel newView(AppContext ctx) throws Exception {
        CompareViewModel vm = new CompareViewModel(ctx.conversations(), ctx.comparisons(), ctx,
                () -> List.of(APPLES), executor);
        JudgeViewModel judge = new JudgeViewModel(ctx.comparisons(), vm::completed, vm.comparisonIdProperty()::get,
                vm::columnName, executor, new Random());
        CompareView view = fx(() -> new CompareView(vm, judge));
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(view, 1270, 790));
            s.show();
        });
        fx(() -> {
            vm.load();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.task.get() != null));
        shown = view;
        return vm;
    }

    CompareView shown;

    String columnText(int i) throws Exception {
        return fx(() -> lookup("#column-cells-" + i).queryAll().stream().flatMap(n -> labels(n).stream())
                .collect(Collectors.joining("\n")));
    }

    /** The text a column shows: labels, and rendered markdown (a TextFlow's runs joined as one line). */
    static List<String> labels(Node root) {
        if (root instanceof Labeled l) {
            return List.of(l.getText());
        }
        if (root instanceof javafx.scene.text.TextFlow f) {
            return List.of(f.getChildren().stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).collect(Collectors.joining()));
        }
        if (root instanceof javafx.scene.Parent p) {
            return p.getChildrenUnmodifiable().stream().flatMap(n -> labels(n).stream()).toList();
        }
        return List.of();
    }

    String outcome(int i) throws Exception {
        return fx(() -> lookup("#outcome-" + i).tryQueryAs(Label.class).map(Label::getText).orElse(""));
    }

    void awaitText(int column, String text) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> columnText(column).contains(text));
    }

    void awaitOutcomes() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> outcome(0).contains("ended:")
                && outcome(1).contains("ended:") && outcome(2).contains("ended:"));
    }

    @Test
    void threeSimulatorsStreamSideBySideAndTheComparisonReopens() throws Exception {
        Path file = dir.resolve("w.db");
        String id;
        try (AppContext ctx = AppContext.open(file)) {
            CompareViewModel vm = newView(ctx);
            WaitForAsyncUtils.asyncFx(() -> {
                vm.choices.assistant.set(new BackendProfile("assistant", BackendChoice.OPENAI_CHAT, server.baseUrl(),
                        "assistant-x", null, null));
                vm.maxTurns.set(3);
                vm.title.set("Apples: UserLM vs prompted vs sharded");
                vm.profiles.setAll(
                        new ProfileRow("UserLM-8b + guardrails", SimulatorKind.USERLM, server.baseUrl(), "userlm-8b",
                                GuardrailPreset.DEFAULT),
                        new ProfileRow("GPT-4o as user", SimulatorKind.PROMPTED, server.baseUrl(), "gpt-4o-user",
                                GuardrailPreset.OFF),
                        new ProfileRow("LiC sharded", SimulatorKind.SHARDED, server.baseUrl(), "sharded-llm",
                                GuardrailPreset.OFF));
            }).get(10, TimeUnit.SECONDS);
            assertTrue(fx(() -> lookup("#compare-empty").<Node>query().isVisible()));
            clickOn(fx(() -> lookup("#start").<Node>query()));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> columnText(0).contains("Assistant · turn 2")
                    && columnText(1).contains("Assistant · turn 2") && columnText(2).contains("Assistant · turn 2"));
            screenshot(shown);
            awaitOutcomes();
            WaitForAsyncUtils.waitForFxEvents();

            assertFalse(fx(() -> lookup("#compare-empty").<Node>query().isVisible()));
            assertTrue(columnText(0).contains("so tom has a few boxes of apples"), columnText(0));
            assertTrue(columnText(0).contains("he has 3 boxes and each box has 4 apples"), columnText(0));
            assertFalse(columnText(0).contains("endconversation"), columnText(0));
            assertTrue(columnText(1).contains("Hi! Tom has 3 boxes with 4 apples"), columnText(1));
            assertTrue(columnText(1).contains("7 apples"), columnText(1));
            assertTrue(columnText(2).contains("how many apples does Tom have?"), columnText(2));
            assertTrue(columnText(2).contains("Tom has 3 boxes in total"), columnText(2));
            assertFalse(columnText(1).contains("so tom has a few boxes"));

            assertTrue(outcome(0).contains("✓ solved") && outcome(0).contains("ended: user_ended"), outcome(0));
            assertTrue(outcome(1).contains("✗ not solved") && outcome(1).contains("ended: max_turns"), outcome(1));
            assertTrue(outcome(2).contains("✓ solved"), outcome(2));
            id = fx(() -> vm.comparisonId.get());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.state.get())
                    == CompareViewModel.State.DONE);

            // blind judging: names hidden, key 1 picks the left user, the leaderboard fills in
            clickOn(fx(() -> lookup("Judge").<Node>query()));
            clickOn(fx(() -> lookup("#judge-next").<Node>query()));
            String left = fx(() -> lookup("#judge-left").queryAs(TextArea.class).getText());
            String right = fx(() -> lookup("#judge-right").queryAs(TextArea.class).getText());
            assertTrue(left.startsWith("USER: ") && right.startsWith("USER: "), left);
            for (String name : List.of("UserLM", "GPT-4o", "sharded")) {
                assertFalse(left.contains(name) || right.contains(name), name);
            }
            type(KeyCode.DIGIT1);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> fx(() -> lookup("#judge-leaderboard").queryTableView().getItems().size()) == 2);
            assertEquals(1, ctx.comparisons().judgments(id).size());
            assertEquals(JudgmentWinner.LEFT, ctx.comparisons().judgments(id).get(0).winner());
            FxToolkit.cleanupStages();
        }

        try (AppContext ctx = AppContext.open(file)) {
            CompareViewModel vm = newView(ctx);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.saved.size()) == 1);
            assertEquals(id, fx(() -> vm.saved.get(0).id()));
            WaitForAsyncUtils.asyncFx(() -> vm.open(id)).get(5, TimeUnit.SECONDS);
            awaitOutcomes();
            assertEquals(3, (int) fx(() -> vm.columns.size()));
            assertEquals("GPT-4o as user", fx(() -> vm.columns.get(1).name()));
            // the columns' scroll panes get their skins (and content) on the next layout pass
            awaitText(0, "he has 3 boxes and each box has 4 apples");
            awaitText(1, "Hi! Tom has 3 boxes with 4 apples");
            awaitText(2, "Tom has 3 boxes in total");
            assertTrue(outcome(0).contains("✓ solved"), outcome(0));
            assertTrue(outcome(1).contains("✗ not solved"), outcome(1));
            assertTrue(outcome(2).contains("✓ solved"), outcome(2));
        }
    }

    /** Saves a PNG of the live comparison when -Dcompare.screenshot=FILE is given. */
    void screenshot(CompareView view) throws Exception {
        String target = System.getProperty("compare.screenshot");
        if (target == null || target.isBlank()) {
            return;
        }
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        BufferedImage rgb = new BufferedImage(bi.getWidth(), bi.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(bi, 0, 0, null);
        Path out = Path.of(target);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(rgb, "png", out.toFile());
    }
}
