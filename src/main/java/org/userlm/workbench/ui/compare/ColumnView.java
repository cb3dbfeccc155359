package org.userlm.workbench.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.Role;

/** One transcript column: a header and one cell per turn; cells of the same turn number share a height. */
final class ColumnView extends VBox {
    private final ColumnState state;
    private final VBox cells = new VBox(6);
    final ScrollPane scroll = new ScrollPane(cells);
    final List<StackPane> rows = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
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
            cells.getChildren().remove(rows.remove(rows.size() - 1));
        }
        for (int i = 0; i < list.size(); i++) {
            Transcript.Cell c = list.get(i);
            if (i == labels.size()) {
                Label l = new Label();
                l.setWrapText(true);
                l.setMaxWidth(Double.MAX_VALUE);
                StackPane row = new StackPane(l);
                row.setAlignment(Pos.TOP_LEFT);
                labels.add(l);
                rows.add(row);
                cells.getChildren().add(row);
            }
            Label l = labels.get(i);
            String head = (c.role == Role.USER ? "User" : "Assistant") + " · turn " + (c.index + 1)
                    + (c.redraws > 0 ? " · " + c.redraws + " guardrail" : "") + (c.streaming ? " …" : "")
                    + (c.status.isEmpty() || c.status.equals("complete") ? "" : " · " + c.status);
            String text = head + "\n" + c.text;
            if (!text.equals(l.getText())) {
                l.setText(text);
            }
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
            StackPane row = new StackPane(l);
            row.getStyleClass().addAll("compare-cell", "compare-cell-error");
            labels.add(l);
            rows.add(row);
            cells.getChildren().add(row);
        }
        return true;
    }

    /** The preferred height of row i's content at the current width, or 0 when the row does not exist. */
    double contentHeight(int i) {
        if (i >= rows.size()) {
            return 0;
        }
        StackPane r = rows.get(i);
        double w = Math.max(50, r.getWidth() > 0 ? r.getWidth() : getWidth() - 24);
        Label l = labels.get(i);
        return l.prefHeight(w - 20) + 14;
    }
}
