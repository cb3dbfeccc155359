package org.userlm.workbench.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * Layout helpers so words are never cut: labelled controls keep their preferred width as their minimum, and
 * rows of controls wrap onto a second line instead of squeezing their buttons to an ellipsis.
 */
public final class Fit {
    static final double COMBO_MIN_LIMIT = 210;

    private Fit() {
    }

    /** Every labelled control under {@code root} (not list or table cells, not wrapping labels) keeps its words. */
    public static <T extends Node> T keep(T root) {
        if (root == null || root instanceof Cell<?>) {
            return root;
        }
        if (root instanceof TitledPane t) {
            keep(t.getContent());
            return root;
        }
        if (root instanceof ScrollPane sp) {
            keep(sp.getContent());
            return root;
        }
        if (root instanceof SplitPane sp) {
            sp.getItems().forEach(Fit::keep);
            return root;
        }
        if (root instanceof TabPane tp) {
            tp.getTabs().forEach(t -> keep(t.getContent()));
            return root;
        }
        if (root instanceof Labeled l && !l.isWrapText()) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (root instanceof ChoiceBox<?> || root instanceof ComboBox<?> && ((Region) root).getPrefWidth()
                == Region.USE_COMPUTED_SIZE) {
            Control c = (Control) root;
            // As wide as its longest choice, up to a limit: one long saved name must not widen a whole form.
            c.skinProperty().addListener((o, was, skin) -> {
                if (skin != null) {
                    c.setMinWidth(Math.min(c.prefWidth(-1), COMBO_MIN_LIMIT));
                }
            });
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                keep(c);
            }
        }
        return root;
    }

    /** A row of controls that wraps when the window is narrow; labelled controls keep their words. */
    public static FlowPane row(Node... nodes) {
        FlowPane row = new FlowPane(6, 6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPrefWrapLength(400);
        for (Node n : nodes) {
            keep(n);
        }
        return row;
    }

    /** An icon-only button face with its words in a tooltip and for screen readers. */
    public static <T extends Labeled> T icon(T control, String icon, String words) {
        control.setText(icon);
        control.setTooltip(new Tooltip(words));
        control.setAccessibleText(words);
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }
}
