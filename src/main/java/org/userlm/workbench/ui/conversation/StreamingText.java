package org.userlm.workbench.ui.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The body of a turn while it streams: one wrapped {@link Text} per line, and appends only touch the last line.
 * Measured with bench-ui: an auto-height RichTextFX area inside the scrolling list re-measured every paragraph cell
 * on each frame (1-2 s frames at 2,000 tok/s); here a frame costs one short line's layout.
 */
final class StreamingText extends VBox {
    /** Finished lines are sealed in blocks of this many, so a frame's layout touches a few nodes, not every line. */
    private static final int BLOCK = 24;
    private VBox open = new VBox();
    private Text last;
    private final StringBuilder line = new StringBuilder();

    StreamingText() {
        getStyleClass().add("streaming-text");
        setMinWidth(0);
        setPrefWidth(1);
        getChildren().add(open);
        newLine();
    }

    void append(String delta) {
        int start = 0;
        for (int nl = delta.indexOf('\n'); nl >= 0; nl = delta.indexOf('\n', start)) {
            appendToLine(delta.substring(start, nl));
            newLine();
            start = nl + 1;
        }
        appendToLine(delta.substring(start));
    }

    void clear() {
        open = new VBox();
        getChildren().setAll(open);
        newLine();
    }

    private void appendToLine(String s) {
        if (!s.isEmpty()) {
            line.append(s);
            last.setText(line.toString());
        }
    }

    private void newLine() {
        line.setLength(0);
        if (open.getChildren().size() >= BLOCK) {
            getChildren().set(getChildren().size() - 1, new SealedBlock(open.getChildren()));
            open = new VBox();
            getChildren().add(open);
        }
        last = new Text();
        last.getStyleClass().add("stream-line");
        last.wrappingWidthProperty().bind(widthProperty());
        open.getChildren().add(last);
    }

    /** Lines that will not change again: heights cached per width. */
    private static final class SealedBlock extends VBox {
        private final Map<Double, Double> pref = new HashMap<>();
        private final Map<Double, Double> min = new HashMap<>();

        SealedBlock(List<Node> lines) {
            getChildren().setAll(List.copyOf(lines));
        }

        @Override
        protected double computePrefHeight(double width) {
            return pref.computeIfAbsent(width, super::computePrefHeight);
        }

        @Override
        protected double computeMinHeight(double width) {
            return min.computeIfAbsent(width, super::computeMinHeight);
        }

        @Override
        public void requestLayout() {
            pref.clear();
            min.clear();
            super.requestLayout();
        }
    }
}
