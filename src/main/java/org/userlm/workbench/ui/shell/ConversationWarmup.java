package org.userlm.workbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.userlm.workbench.ui.conversation.MarkdownRenderer;

/**
 * Runs the code a turn boundary needs once, off screen, before the first conversation streams: a settled bubble's
 * markdown nodes and a streaming bubble's lines, with the workbench's stylesheets, through CSS, layout and a
 * snapshot (which rasterises the regular, bold and monospace glyphs into the shared glyph cache). bench-ui showed
 * the slow frames of a session at its first turn boundaries only (interpreted CSS and text-layout code, first use
 * of a font), so that cost is paid here rather than on a frame.
 *
 * <p>The nodes copy the bubble's structure and style classes (not the bubble class itself, which belongs to the
 * conversation package): what is warmed is JavaFX's and the renderer's code, which is the same for both. The work is
 * split into small steps, each its own {@code runLater}, so input that arrives meanwhile is not held up long.
 */
public final class ConversationWarmup {
    private static final String SAMPLE = "The user wants a function that returns the running maximum of a list, so "
            + "we keep the **largest value** seen so far and append it at each step; edge cases are *empty* lists and "
            + "negative numbers, which we handle with `float('-inf')` as the start.\n\n1. Start with `best`.\n2. "
            + "**Answer:** 42\n\n```python\nprint(42)\n```\n\n> a quoted line\n\nA [link](http://x) and more text.";

    /** Rounds the window runs (each a user and an assistant bubble, streamed then settled). */
    public static final int ROUNDS = 6;

    private ConversationWarmup() {
    }

    /** Schedules {@code rounds} warm-up rounds on the FX thread, one step per {@code runLater}. */
    public static void schedule(List<String> stylesheets, int rounds, Runnable done) {
        List<Runnable> steps = new ArrayList<>();
        Scene[] scene = new Scene[1];
        StackPane root = new StackPane();
        steps.add(() -> {
            scene[0] = new Scene(root, 900, 700);
            scene[0].getStylesheets().setAll(stylesheets);
        });
        for (int i = 0; i < rounds; i++) {
            boolean user = i % 2 == 0;
            steps.add(() -> show(root, bubble(user, streaming(SAMPLE))));
            steps.add(() -> show(root, bubble(user, MarkdownRenderer.render(SAMPLE))));
        }
        steps.add(() -> root.getChildren().clear());
        steps.add(done);
        next(steps, 0);
    }

    /** Runs every round now, on the FX thread (the bench, before its window is shown). */
    public static void runNow(List<String> stylesheets, int rounds) {
        StackPane root = new StackPane();
        Scene scene = new Scene(root, 900, 700);
        scene.getStylesheets().setAll(stylesheets);
        for (int i = 0; i < rounds; i++) {
            show(root, bubble(i % 2 == 0, streaming(SAMPLE)));
            show(root, bubble(i % 2 == 0, MarkdownRenderer.render(SAMPLE)));
        }
        root.getChildren().clear();
    }

    private static void next(List<Runnable> steps, int i) {
        if (i < steps.size()) {
            Platform.runLater(() -> {
                steps.get(i).run();
                next(steps, i + 1);
            });
        }
    }

    private static void show(StackPane root, Region bubble) {
        root.getChildren().setAll(bubble);
        root.applyCss();
        root.layout();
        root.snapshot(null, null);
    }

    /** A bubble shaped like the conversation view's: header chips and buttons over a body. */
    private static Region bubble(boolean user, javafx.scene.Node body) {
        Label role = new Label(user ? "USER" : "ASSISTANT");
        role.getStyleClass().addAll("role-chip", user ? "role-user" : "role-assistant");
        Label stats = new Label("1,200 tokens · 0.24 s · 5,000 tok/s");
        stats.getStyleClass().add("turn-stats");
        stats.setWrapText(true);
        Label status = new Label("streaming");
        status.getStyleClass().addAll("turn-status", "status-streaming");
        Button copy = new Button("Copy");
        copy.getStyleClass().add("flat-button");
        Button edit = new Button("Edit");
        edit.getStyleClass().addAll("flat-button", "edit-turn");
        HBox header = new HBox(10, role, status, stats, copy, edit);
        if (!user) {
            MenuButton chip = new MenuButton("answer ✓");
            chip.getStyleClass().addAll("category-chip", "flat-button");
            header.getChildren().add(2, chip);
        }
        header.getStyleClass().add("turn-header");
        VBox bubble = new VBox(6, header, new StackPane(body));
        bubble.getStyleClass().addAll("turn-bubble", user ? "user-turn" : "assistant-turn");
        return bubble;
    }

    /** A streaming body: wrapped lines, as the conversation view streams them. */
    private static VBox streaming(String text) {
        VBox lines = new VBox();
        lines.getStyleClass().add("streaming-text");
        for (String line : text.split("\n")) {
            Text t = new Text(line);
            t.getStyleClass().add("stream-line");
            t.setWrappingWidth(820);
            lines.getChildren().add(t);
        }
        return lines;
    }
}
