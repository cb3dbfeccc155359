package org.userlm.workbench.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.ui.conversation.MarkdownRenderer;

/**
 * One transcript column: a header and one cell per turn; cells of the same turn number share a height. A cell shows
 * its text raw while it streams and as rendered markdown once it settles (as Live and Annotate do).
 */
final class ColumnView extends VBox {
    private final ColumnState state;
    private final VBox cells = new VBox(6);
    final ScrollPane scroll = new ScrollPane(cells);
    final List<StackPane> rows = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    /** Each row's box: the head label, then the body (raw text while streaming, rendered markdown after). */
    private final List<VBox> boxes = new ArrayList<>();
    /** The text each row's body shows, and whether it is rendered, so an unchanged cell is not rebuilt. */
    private final List<String> bodies = new ArrayList<>();
    private long shownVersion = -1;
    private int shownRepeat = -1;

    ColumnView(int column, ColumnState state) {
        this.state = state;
        setId("column-" + column);
        Label header = new Label(state.name());
        header.setId("column-header-" + column);
        header.getStyleClass().add("compare-column-header");
        header.setWrapText(true);
        header.setMinHeight(USE_PREF_SIZE);
        cells.setId("column-cells-" + column);
        cells.setPadding(new Insets(6));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        setMinWidth(220);
        getStyleClass().add("compare-column");
    }

    /** Refreshes the cells if the shown transcript changed. Returns whether it did. FX thread. */
    boolean refresh() {
        Transcript tr = state.shown();
        if (tr.version == shownVersion && state.shownRepeat.get() == shownRepeat) {
            return false;
        }
        shownVersion = tr.version;
        shownRepeat = state.shownRepeat.get();
        List<Transcript.Cell> list = tr.cells;
        while (labels.size() > list.size()) {
            labels.remove(labels.size() - 1);
            boxes.remove(boxes.size() - 1);
            bodies.remove(bodies.size() - 1);
            cells.getChildren().remove(rows.remove(rows.size() - 1));
        }
        for (int i = 0; i < list.size(); i++) {
            Transcript.Cell c = list.get(i);
            if (i == labels.size()) {
                Label l = new Label();
                l.setWrapText(true);
                l.setMaxWidth(Double.MAX_VALUE);
                l.getStyleClass().add("compare-cell-head");
                VBox box = new VBox(2, l, new Label());
                StackPane row = new StackPane(box);
                row.setAlignment(Pos.TOP_LEFT);
                labels.add(l);
                boxes.add(box);
                bodies.add(null);
                rows.add(row);
                cells.getChildren().add(row);
            }
            Label l = labels.get(i);
            String head = (c.role == Role.USER ? "User" : "Assistant") + " · turn " + (c.index + 1)
                    + (c.redraws > 0 ? " · " + c.redraws + " guardrail" : "") + (c.streaming ? " …" : "")
                    + (c.status.isEmpty() || c.status.equals("complete") ? "" : " · " + c.status);
            if (!head.equals(l.getText())) {
                l.setText(head);
            }
            showBody(i, c);
            StackPane row = rows.get(i);
            String roleClass = c.role == Role.USER ? "compare-cell-user" : "compare-cell-assistant";
            if (!row.getStyleClass().contains(roleClass)) {
                row.getStyleClass().removeAll("compare-cell-user", "compare-cell-assistant");
                row.getStyleClass().addAll("compare-cell", roleClass);
            }
        }
        if (tr.error != null && (labels.isEmpty() || !labels.get(labels.size() - 1).getText().equals(tr.error))) {
            Label l = new Label(tr.error);
            l.setWrapText(true);
            VBox box = new VBox(l);
            StackPane row = new StackPane(box);
            row.getStyleClass().addAll("compare-cell", "compare-cell-error");
            labels.add(l);
            boxes.add(box);
            bodies.add(tr.error);
            rows.add(row);
            cells.getChildren().add(row);
        }
        return true;
    }

    /**
     * Row i's body: the raw text while the turn streams (cheap to update per frame), its markdown rendered once it
     * has settled. Rebuilt only when the text or the streaming state changed.
     */
    private void showBody(int i, Transcript.Cell c) {
        String text = c.text.toString();
        String key = (c.streaming ? "raw:" : "md:") + text;
        if (key.equals(bodies.get(i))) {
            return;
        }
        VBox box = boxes.get(i);
        Node old = box.getChildren().get(1);
        if (c.streaming && old instanceof Label raw) {
            raw.setText(text);
        } else if (c.streaming) {
            box.getChildren().set(1, rawLabel(text));
        } else {
            box.getChildren().set(1, MarkdownRenderer.render(text));
        }
        bodies.set(i, key);
    }

    private static Label rawLabel(String text) {
        Label raw = new Label(text);
        raw.setWrapText(true);
        raw.setMaxWidth(Double.MAX_VALUE);
        return raw;
    }

    /** The preferred height of row i's content at the current width, or 0 when the row does not exist. */
    double contentHeight(int i) {
        if (i >= rows.size()) {
            return 0;
        }
        StackPane r = rows.get(i);
        double w = Math.max(50, r.getWidth() > 0 ? r.getWidth() : getWidth() - 24);
        return boxes.get(i).prefHeight(w - 20) + 14;
    }
}
