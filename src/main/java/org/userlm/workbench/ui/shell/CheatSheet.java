package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The {@code ?} keyboard cheat sheet, with where the log file is. */
final class CheatSheet {
    static final String[][] SHORTCUTS = {
        {"Ctrl+Enter", "Start a conversation (in the composer: send your user turn)"},
        {"Ctrl+P", "Pause after the current turn"},
        {"Ctrl+T", "Step: one more turn while paused"},
        {"Ctrl+R", "Continue after a pause"},
        {"Esc", "Stop now (partial text is kept)"},
        {"Ctrl+U", "Take over the user side"},
        {"Ctrl+F", "Search tasks"},
        {"Ctrl+H", "Search history"},
        {"Ctrl+Z", "Undo the last delete in history"},
        {"Ctrl+Shift+L", "Switch light / dark theme"},
        {"Ctrl+1 / 2 / 3 / 4", "Live / Compare / Annotate / Experiments workspace"},
        {"? or F1", "This cheat sheet"},
    };

    private CheatSheet() {
    }

    static void show(Window owner, List<String> stylesheets, Path logFile) {
        GridPane g = new GridPane();
        g.setId("cheatSheet");
        g.setHgap(18);
        g.setVgap(6);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("kbd");
            g.addRow(i, key, new Label(SHORTCUTS[i][1]));
        }
        if (logFile != null) {
            Label log = new Label("Log file: " + logFile);
            log.setId("logFileLabel");
            log.getStyleClass().add("muted");
            g.add(log, 0, SHORTCUTS.length, 2, 1);
        }
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(g);
        a.getDialogPane().getStylesheets().setAll(stylesheets);
        a.show();
    }
}
