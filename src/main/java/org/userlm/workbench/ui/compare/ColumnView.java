package org.userlm.workbench.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
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
        header.setStyle("-fx-font-weight: bold; -fx-font-size: 14px; -fx-padding: 4 6 4 6;");
        cells.setId("column-cells-" + column);
        cells.setPadding(new Insets(6));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        setMinWidth(220);
        setStyle("-fx-border-color: #c8c8c8; -fx-border-radius: 6; -fx-background-color: #fafafa;");
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
                row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
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
            String style = c.role == Role.USER
                    ? "-fx-background-color: #e3efff; -fx-border-color: transparent transparent transparent #2f6fd6;"
                    : "-fx-background-color: white; -fx-border-color: transparent transparent transparent #999;";
            rows.get(i).setStyle(style + " -fx-border-width: 0 0 0 4; -fx-padding: 6; -fx-background-radius: 6;");
        }
        if (tr.error != null && (labels.isEmpty() || !labels.get(labels.size() - 1).getText().equals(tr.error))) {
            Label l = new Label(tr.error);
            l.setWrapText(true);
            l.setStyle("-fx-text-fill: #b3261e;");
            StackPane row = new StackPane(l);
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
