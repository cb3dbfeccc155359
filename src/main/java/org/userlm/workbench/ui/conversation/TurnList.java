package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bubbles of a conversation, stacked like a {@code VBox}, of which only those near the viewport are in the scene
 * graph. JavaFX walks every node of the scene on each pulse (bounds, CSS and layout dirtiness, rendering), so with all
 * bubbles in the scene a frame's cost grew with the transcript. Bubbles outside the window keep the height they had
 * when last shown at that width (or an estimate from their text until they have been shown) so the scroll bar
 * stays honest. Call {@link #window(double, double)} once per frame, before CSS and layout.
 */
final class TurnList extends Region {
    static final double SPACING = 12;
    /** How far beyond the viewport, above and below, bubbles stay in the scene. */
    private static final double OVERSCAN = 900;
    private final List<TurnView> turns = new ArrayList<>();
    /** Per bubble: the inner width it was measured at and the height it had. */
    private final Map<TurnView, double[]> measured = new IdentityHashMap<>();
    private double[] tops = new double[0];
    private double[] heights = new double[0];
    private double lastWidth = -1;
    /** A warm-up bubble (ConversationWarmup), or null: an extra child, never laid out here, never visible. */
    private Region warm;
    private double viewTop;
    private double viewBottom = 1000;

    TurnList() {
        getStyleClass().add("turn-stack");
    }

    /** Every bubble, shown or not, in transcript order. */
    List<TurnView> turns() {
        return turns;
    }

    void add(TurnView v) {
        turns.add(v);
        updateWindow();
        requestLayout();
    }

    void setAll(List<TurnView> views) {
        turns.clear();
        turns.addAll(views);
        measured.keySet().retainAll(new HashSet<>(views));
        estimates.keySet().retainAll(new HashSet<>(views));
        getChildren().clear();
        updateWindow();
        requestLayout();
    }

    /**
     * Puts {@code bubble} into this list as an extra child, unmanaged, invisible and mouse-transparent (null takes it
     * out): the conversation warm-up's bubbles then get their CSS with the ancestors real bubbles have, which is what
     * the scene's CSS match cache is keyed by, so the first real turn boundary finds it filled.
     */
    void warm(Region bubble) {
        if (warm != null) {
            getChildren().remove(warm);
        }
        warm = bubble;
        if (bubble != null) {
            bubble.setManaged(false);
            bubble.setMouseTransparent(true);
            bubble.setVisible(false);
            getChildren().add(bubble);
        }
    }

    /** The viewport in this list's coordinates; adds bubbles that came near it and drops those that left. */
    void window(double top, double bottom) {
        viewTop = top;
        viewBottom = bottom;
        updateWindow();
    }

    private void updateWindow() {
        double width = lastWidth;
        double y = 0;
        List<Node> want = new ArrayList<>();
        boolean grew = false;
        for (int i = 0; i < turns.size(); i++) {
            TurnView v = turns.get(i);
            double top = i < tops.length && tops.length == turns.size() ? tops[i] : y;
            double h = i < heights.length && heights.length == turns.size() ? heights[i] : height(v, width);
            if (v.getParent() != this) {
                // Off-scene bubbles that still stream grow without asking for layout: re-estimate them here.
                double now = height(v, width);
                if (i < heights.length && Math.abs(now - h) > 0.5) {
                    grew = true;
                }
                h = now;
            }
            if (top <= viewBottom + OVERSCAN && top + h >= viewTop - OVERSCAN) {
                want.add(v);
            }
            y = top + h + SPACING;
        }
        List<Node> shown = getChildren();
        if (warm != null) {
            shown = new ArrayList<>(shown);
            shown.remove(warm);
        }
        if (!want.equals(shown)) {
            if (warm != null) {
                getChildren().remove(warm); // back at the end below
            }
            // Keep what stays, in place: re-adding a node re-applies its CSS.
            getChildren().retainAll(want);
            for (int i = 0; i < want.size(); i++) {
                if (i >= getChildren().size() || getChildren().get(i) != want.get(i)) {
                    getChildren().add(i, want.get(i));
                }
            }
            if (warm != null) {
                getChildren().add(warm);
            }
            requestLayout();
        } else if (grew) {
            requestLayout();
        }
    }

    private static Insets margin(TurnView v) {
        Insets m = VBox.getMargin(v);
        return m == null ? Insets.EMPTY : m;
    }

    /** The bubble's height at this list width: measured while shown, remembered or estimated while not. */
    private double height(TurnView v, double width) {
        if (width < 0) {
            return estimate(v, 600);
        }
        Insets m = margin(v);
        double inner = Math.max(0, width - m.getLeft() - m.getRight());
        double[] seen = measured.get(v);
        if (v.getParent() == this && v.getScene() != null) {
            double h = v.prefHeight(inner);
            if (seen == null) {
                measured.put(v, new double[] {inner, h});
            } else {
                seen[0] = inner;
                seen[1] = h;
            }
            return h + m.getTop() + m.getBottom();
        }
        if (seen != null && (seen[0] == inner || v.isSettled())) {
            // A settled bubble measured at another width: scale its text part, keep it once shown again.
            double h = seen[0] == inner ? seen[1] : HEADER + (seen[1] - HEADER) * seen[0] / Math.max(1, inner);
            return h + m.getTop() + m.getBottom();
        }
        return estimate(v, inner) + m.getTop() + m.getBottom();
    }

    private static final double HEADER = 58;

    /** Per bubble: text length and width of the last estimate, and the estimate. */
    private final Map<TurnView, double[]> estimates = new IdentityHashMap<>();

    private double estimate(TurnView v, double inner) {
        double[] e = estimates.get(v);
        int length = v.textLength();
        if (e != null && e[0] == length && e[1] == inner) {
            return e[2];
        }
        double h = estimate(v.text(), inner);
        estimates.put(v, new double[] {length, inner, h});
        return h;
    }

    private static double estimate(String text, double inner) {
        double perLine = Math.max(10, (inner - 28) / 7.6);
        int lines = 0;
        int start = 0;
        for (int nl = text.indexOf('\n'); ; nl = text.indexOf('\n', start)) {
            int end = nl < 0 ? text.length() : nl;
            lines += Math.max(1, (int) Math.ceil((end - start) / perLine));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return HEADER + lines * 18.5;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? lastWidth : width;
        double sum = 0;
        for (TurnView v : turns) {
            sum += height(v, w);
        }
        return sum + Math.max(0, turns.size() - 1) * SPACING;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        lastWidth = width;
        int n = turns.size();
        double[] t = new double[n];
        double[] h = new double[n];
        double y = 0;
        for (int i = 0; i < n; i++) {
            TurnView v = turns.get(i);
            t[i] = y;
            h[i] = height(v, width);
            if (v.getParent() == this) {
                Insets m = margin(v);
                v.resizeRelocate(snapPositionX(m.getLeft()), snapPositionY(y + m.getTop()),
                        snapSizeX(Math.max(0, width - m.getLeft() - m.getRight())),
                        snapSizeY(h[i] - m.getTop() - m.getBottom()));
            }
            y += h[i] + SPACING;
        }
        tops = t;
        heights = h;
    }
}
