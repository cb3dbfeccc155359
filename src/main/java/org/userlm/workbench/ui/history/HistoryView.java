package org.userlm.workbench.ui.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.ui.common.EmptyState;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.common.Notify;
import org.userlm.workbench.ui.common.Owners;

/** History list with search, open, rename, delete/undo and re-run. */
public final class HistoryView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm")
            .withZone(ZoneId.systemDefault());

    public HistoryView(HistoryViewModel vm, Consumer<String> open, BiConsumer<String, String> rerun) {
        setSpacing(8);
        getStyleClass().add("history-view");
        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText("Search text across all turns");
        search.textProperty().bindBidirectional(vm.queryProperty());
        ListView<ConversationSummary> list = new ListView<>(vm.items());
        list.setId("historyList");
        list.setCellFactory(l -> new SummaryCell(vm));
        Label empty = EmptyState.label("historyEmpty", "");
        empty.textProperty().bind(vm.queryProperty().map(q -> q == null || q.isBlank()
                ? "No conversations yet. Every run, from Live, Compare or Experiments, is kept here, and the search "
                + "above finds words in any of its turns."
                : "No conversation has these words in any turn.").orElse(""));
        empty.getStyleClass().add("narrow"); // the side column: smaller, off the list's edges
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            ConversationSummary s = list.getSelectionModel().getSelectedItem();
            if (s != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open.accept(s.id());
            }
        });
        Button openButton = new Button("Open");
        openButton.setId("openConversation");
        openButton.setOnAction(e -> selected(list, s -> open.accept(s.id())));
        Button rename = new Button("Rename");
        rename.setId("renameConversation");
        rename.setOnAction(e -> selected(list, s -> {
            TextInputDialog d = Owners.own(new TextInputDialog(s.title()), list);
            d.setHeaderText("Rename conversation");
            d.showAndWait().filter(t -> !t.isBlank()).ifPresent(t -> vm.rename(s.id(), t.strip()));
        }));
        Button delete = new Button("Delete");
        delete.setId("deleteConversation");
        delete.setOnAction(e -> selected(list, vm::delete));
        // Nothing is lost on delete: the notice and the Undo button beside Delete both bring it back.
        vm.lastDeletedProperty().addListener((o, was, s) -> {
            if (s != null) {
                Notify.withAction(this, "Conversation deleted", "“" + s.title() + "” was deleted.", "Undo",
                        vm::undoDelete);
            }
        });
        Button undo = new Button("Undo");
        undo.setId("undoDelete");
        undo.visibleProperty().bind(vm.lastDeletedProperty().isNotNull());
        undo.setOnAction(e -> vm.undoDelete());
        Button again = new Button("Re-run");
        again.setId("rerunConversation");
        again.setOnAction(e -> selected(list, s -> rerun.accept(s.id(), s.title())));
        for (Button b : new Button[] {openButton, rename, delete, undo, again}) {
            b.getStyleClass().add("small-button");
        }
        for (Button b : new Button[] {openButton, rename, delete, again}) { // they act on the selected conversation
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(search, list, Fit.row(openButton, rename, delete, undo, again), status);
    }

    private static void selected(ListView<ConversationSummary> list, Consumer<ConversationSummary> action) {
        ConversationSummary s = list.getSelectionModel().getSelectedItem();
        if (s != null) {
            action.accept(s);
        }
    }

    private static final class SummaryCell extends ListCell<ConversationSummary> {
        private final HistoryViewModel vm;

        SummaryCell(HistoryViewModel vm) {
            this.vm = vm;
            setPrefWidth(0); // fit the list's width: rows wrap instead of scrolling sideways
        }

        @Override
        protected void updateItem(ConversationSummary s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label((s.parentId() == null ? "" : "↳ ") + s.title());
            title.getStyleClass().add("history-title");
            Label when = new Label(WHEN.format(Instant.ofEpochMilli(s.createdAtMs())) + " · "
                    + (s.endedBy() == null ? "running / interrupted" : s.endedBy().wire()) + " · "
                    + s.turnCount() + " turns");
            when.getStyleClass().add("history-when");
            Label meta = new Label(s.simulator() + " · " + s.userModel() + " ⇄ " + s.assistantModel());
            meta.getStyleClass().add("hint");
            VBox box = new VBox(2, title, when, meta);
            String snippet = vm.snippet(s.id());
            if (snippet != null) {
                Label match = new Label("“" + snippet + "”");
                match.getStyleClass().add("history-snippet");
                box.getChildren().add(match);
            }
            for (Node n : box.getChildren()) {
                ((Label) n).setWrapText(true);
                ((Label) n).setMinHeight(Label.USE_PREF_SIZE);
            }
            setText(null);
            setGraphic(box);
        }
    }
}
