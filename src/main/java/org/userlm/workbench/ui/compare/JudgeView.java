package org.userlm.workbench.ui.compare;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.JudgmentWinner;
import org.userlm.workbench.evaluation.metrics.BradleyTerry;
import org.userlm.workbench.ui.common.Columns;
import org.userlm.workbench.ui.common.Fit;

/** The blind pairwise judging pane with its leaderboard. Keys: 1 = left, 2 = right, 0 or T = tie. */
final class JudgeView extends VBox {
    JudgeView(JudgeViewModel vm) {
        super(8);
        setPadding(new Insets(8));
        setId("judge-pane");
        Label prompt = new Label();
        prompt.textProperty().bind(vm.prompt);
        TextArea left = area(vm, true);
        TextArea right = area(vm, false);
        HBox pair = new HBox(8, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox.setVgrow(pair, Priority.ALWAYS);
        Button next = new Button("Next pair");
        next.setId("judge-next");
        next.setOnAction(e -> {
            vm.next();
            requestFocus();
        });
        Button l = new Button("1 · Left");
        l.setOnAction(e -> vm.judge(JudgmentWinner.LEFT));
        Button r = new Button("2 · Right");
        r.setOnAction(e -> vm.judge(JudgmentWinner.RIGHT));
        Button t = new Button("0 · Tie");
        t.setOnAction(e -> vm.judge(JudgmentWinner.TIE));
        CheckBox turns = new CheckBox("single user turns");
        turns.selectedProperty().bindBidirectional(vm.singleTurns);
        FlowPane buttons = Fit.row(next, l, r, t, turns);
        setFocusTraversable(true);
        // A filter, so the keys work while one of the (read-only) transcripts has the focus.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            JudgmentWinner w = k == KeyCode.DIGIT1 || k == KeyCode.NUMPAD1 ? JudgmentWinner.LEFT
                    : k == KeyCode.DIGIT2 || k == KeyCode.NUMPAD2 ? JudgmentWinner.RIGHT
                    : k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0 || k == KeyCode.T ? JudgmentWinner.TIE : null;
            if (w != null) {
                vm.judge(w);
                e.consume();
            }
        });
        Label board = new Label("Leaderboard (all judgments on this task): win rate, ties = ½, 95% Wilson interval; "
                + "Bradley–Terry strength (MM, mean 1)");
        getChildren().addAll(prompt, pair, buttons, board, leaderboard(vm));
    }

    private static TextArea area(JudgeViewModel vm, boolean left) {
        TextArea a = new TextArea();
        a.setId(left ? "judge-left" : "judge-right");
        a.setEditable(false);
        a.setWrapText(true);
        a.textProperty().bind(left ? vm.leftText : vm.rightText);
        a.setPrefHeight(260);
        return a;
    }

    private static TableView<BradleyTerry.Row> leaderboard(JudgeViewModel vm) {
        TableView<BradleyTerry.Row> table = new TableView<>(vm.leaderboard);
        table.setId("judge-leaderboard");
        table.setPrefHeight(150);
        table.getColumns().add(col("Simulator", r -> r.name()));
        table.getColumns().add(col("Judged", r -> Integer.toString(r.games())));
        table.getColumns().add(col("Win rate [95% CI]", r -> r.winRate().percent()));
        table.getColumns().add(col("BT strength", r -> String.format(Locale.ROOT, "%.2f", r.strength())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static <T> TableColumn<T, String> col(String name, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        // A header or value never shows an ellipsis: the column is as wide as both (the table scrolls).
        return Columns.fit(c, name);
    }
}
