package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

/**
 * Not part of the suite (no Test suffix): a timing probe. Run it in the real window on GTK glass under Xvfb:
 * {@code xvfb-run -a mvn -o -Pxvfb test -Dtest=AnnotationThroughputProbe -Dprobe.keyPauseMs=250 -Dprobe.readMs=0}.
 * It annotates 10 conversations x 6 turns with the keyboard (a rating or category digit, sometimes a second digit,
 * then Ctrl+Enter; per conversation a blame digit) and prints the turns per minute it reached.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotationThroughputProbe {
    @TempDir
    static Path dir;
    private SqliteDatabase db;
    private AnnotationView view;

    @Start
    void start(Stage stage) {
        Path file = dir.resolve("probe.db");
        db = AnnotationFixtures.seedAndOpen(file, f -> {
            try (SqliteDatabase seed = SqliteDatabase.open(f)) {
                var repo = new SqliteConversationRepository(seed);
                for (int c = 0; c < 10; c++) {
                    List<Turn> turns = new ArrayList<>();
                    for (int t = 0; t < 6; t++) {
                        Role r = t % 2 == 0 ? Role.USER : Role.ASSISTANT;
                        turns.add(Turn.typed(t, r, (r == Role.USER ? "user says something about the task, part " : "The "
                                + "assistant replies with a few sentences of explanation and maybe a question, part ") + t));
                    }
                    repo.create(new Conversation("p" + c, null, "task-" + c, "t", "userlm", "UserLM-8b", "gpt-4o-mini",
                            "intent", "sys", "{}", null, null, null, 1000L + c, turns));
                }
            }
        });
        view = AnnotationFixtures.view(db, "probe");
        Scene scene = new Scene(view, 1280, 800);
        // Latency of the app itself: from a key press reaching the scene to the end of the next laid-out pulse
        // (the frame that shows the result; the question panel is rebuilt in a runLater, so allow two pulses).
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (pressedAt < 0) {
                pressedAt = System.nanoTime();
                pulses = 0;
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (pressedAt >= 0 && ++pulses == 2) {
                latencies.add((System.nanoTime() - pressedAt) / 1e6);
                pressedAt = -1;
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    private long pressedAt = -1;
    private int pulses;
    private final List<Double> latencies = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void measureTurnsPerMinute(FxRobot robot) throws Exception {
        long keyPause = Long.getLong("probe.keyPauseMs", 0);
        long read = Long.getLong("probe.readMs", 0);
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().items().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        Random rnd = new Random(7);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        int keystrokes = 0;
        int expectedAnswers = 0;
        long t0 = System.nanoTime();
        for (int item = 0; item < 70; item++) {
            Thread.sleep(read);
            WorkItem w = view.viewModel().selectedItem();
            List<KeyCode> keys = new ArrayList<>();
            int first = rnd.nextInt(5);
            keys.add(digits[first]);
            expectedAnswers++;
            if (w.role() == Role.USER) {
                expectedAnswers++; // tags: chosen, or "none" recorded by Ctrl+Enter
                if (rnd.nextInt(5) == 0) {
                    keys.add(digits[rnd.nextInt(5)]);
                }
            } else if (w.role() == Role.ASSISTANT && first == 0) {
                keys.add(digits[rnd.nextInt(2)]);
                expectedAnswers++;
            }
            for (KeyCode k : keys) {
                robot.type(k);
                keystrokes++;
                Thread.sleep(keyPause);
            }
            if (item == 3) {
                snapshot(robot, System.getProperty("probe.snapshot"));
            }
            robot.push(KeyCode.CONTROL, KeyCode.ENTER);
            keystrokes++;
            Thread.sleep(keyPause);
        }
        int expected = expectedAnswers;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.viewModel().savedCountProperty().get() >= expected);
        double minutes = (System.nanoTime() - t0) / 60e9;
        assertEquals(70, view.viewModel().doneAndTotal()[0]);
        assertEquals(expected, new SqliteAnnotationRepository(db).all("probe").size());
        List<Double> sorted = latencies.stream().sorted().toList();
        System.out.printf("LATENCY key press -> second pulse after it: n=%d median=%.1f ms p90=%.1f ms max=%.1f ms%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)),
                sorted.get(sorted.size() - 1));
        System.out.printf("THROUGHPUT glass=%s keyPauseMs=%d readMs=%d: 60 turns + 10 conversations, %d keystrokes "
                        + "(%.2f per item) in %.1f s = %.1f turns/min (%.1f items/min); progress label: %s%n",
                System.getProperty("glass.platform"), keyPause, read, keystrokes, keystrokes / 70.0, minutes * 60,
                60 / minutes, 70 / minutes, view.viewModel().progressProperty().get());
    }

    /** Optional: a PNG of the window mid-run ({@code -Dprobe.snapshot=FILE}), to look at the real layout. */
    private void snapshot(FxRobot robot, String file) throws Exception {
        if (file == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png",
                new File(file));
    }
}
