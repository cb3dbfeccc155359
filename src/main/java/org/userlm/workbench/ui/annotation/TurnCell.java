package org.userlm.workbench.ui.annotation;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.ui.common.PlainText;
import org.userlm.workbench.ui.conversation.MarkdownRenderer;

/**
 * A turn of the annotation queue: a line with the done mark, the turn number (from 1, as everywhere in the
 * workbench), the role and the model (only when not blind), then the turn's markdown rendered as in Live.
 */
final class TurnCell extends ListCell<WorkItem> {
    /** Room the list takes beside a cell's content: cell padding, the scroll bar, the list border. */
    private static final double LIST_CHROME = 40;
    private final AnnotationViewModel vm;
    private final FitWidth holder;

    TurnCell(AnnotationViewModel vm, ObservableDoubleValue listWidth) {
        this.vm = vm;
        this.holder = new FitWidth(listWidth);
        setPrefWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(WorkItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        String mark = vm.complete(item) ? "✓ " : "· ";
        String who = item.role() == null ? "CONVERSATION" : item.role() == Role.USER ? "USER" : "ASSISTANT";
        String model = vm.blindProperty().get() || item.model() == null ? "" : " [" + item.model() + "]";
        String head = mark + (item.turnIndex() >= 0 ? "turn " + (item.turnIndex() + 1) + " · " : "") + who + model;
        // The plain text stays the cell's text (for accessibility and lookups); the graphic is what is seen.
        String body = item.role() == null ? "(questions about the whole conversation)" : item.text();
        setText(head + "\n" + PlainText.of(body));
        Label headLabel = new Label(head);
        headLabel.getStyleClass().add("bold-label");
        headLabel.setWrapText(true);
        headLabel.setMinHeight(Region.USE_PREF_SIZE);
        Node rendered = item.role() == null ? new Label(body) : MarkdownRenderer.render(body);
        holder.show(new VBox(4, headLabel, rendered));
        setGraphic(holder);
    }

    /**
     * Lays its content out at the list's width and reports the height that takes: a list cell asks its graphic
     * for an unwrapped size, which would run long paragraphs off the right edge.
     */
    private static final class FitWidth extends Region {
        private final ObservableDoubleValue listWidth;
        private Node content;

        FitWidth(ObservableDoubleValue listWidth) {
            this.listWidth = listWidth;
            listWidth.addListener((o, a, b) -> requestLayout());
        }

        void show(Node n) {
            content = n;
            getChildren().setAll(n);
        }

        private double width() {
            return Math.max(120, listWidth.get() - LIST_CHROME);
        }

        @Override
        protected double computePrefWidth(double height) {
            return width();
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computePrefHeight(double width) {
            return content == null ? 0 : content.prefHeight(width());
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            if (content != null) {
                content.resizeRelocate(0, 0, getWidth(), getHeight());
            }
        }
    }
}
