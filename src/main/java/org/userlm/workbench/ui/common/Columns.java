package org.userlm.workbench.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Table columns that never show a cut header or value: at least as wide as their header, and widening to their
 * longest value as rows appear (the table scrolls sideways instead of "UserLM-8b + gu…").
 */
public final class Columns {
    private static final double HEADER_PAD = 28; // sort arrow and header insets
    private static final double CELL_PAD = 24;

    private Columns() {
    }

    /** Sizes {@code c} to {@code header} and gives it a cell that widens the column to its text. */
    public static <T> TableColumn<T, String> fit(TableColumn<T, String> c, String header) {
        Text probe = new Text(header);
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
        c.setMinWidth(Math.ceil(probe.getLayoutBounds().getWidth() * 1.12) + HEADER_PAD);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (!empty && item != null) {
                    Text t = new Text(item);
                    t.setFont(getFont());
                    double need = Math.ceil(t.getLayoutBounds().getWidth()) + CELL_PAD;
                    if (need > c.getMinWidth()) {
                        c.setMinWidth(need);
                    }
                }
            }
        });
        return c;
    }
}
