package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The {@code ?} keyboard cheat sheet, with where the log file is. */
final class CheatSheet {
    static final String[][] SHORTCUTS = {
        {"", "Everywhere"},
        {"Ctrl+1 / 2 / 3 / 4", "Live / Compare / Annotate / Experiments workspace"},
        {"Ctrl+Shift+L", "Switch light / dark theme"},
        {"? or F1", "This cheat sheet"},
        {"", "Live"},
        {"Ctrl+Enter", "Start a conversation (in the composer: send your user turn)"},
        {"Ctrl+P", "Pause after the current turn"},
        {"Ctrl+T", "Step: one more turn while paused"},
        {"Ctrl+R", "Continue after a pause"},
        {"Esc", "Stop now (partial text is kept)"},
        {"Ctrl+U", "Take over the user side (on a finished conversation, Send continues it)"},
        {"", "Tasks and History (the panes beside Live)"},
        {"Ctrl+F", "Search tasks"},
        {"Ctrl+H", "Search history"},
        {"Double-click", "Open a conversation from history"},
        {"Ctrl+Z", "Undo the last delete in history (the notice also has Undo)"},
        {"", "Compare"},
        {"Enter", "Start the comparison (the Start button is the default)"},
        {"Ctrl+Shift+S", "Show / hide the setup (it folds when a comparison starts or opens)"},
        {"Mouse wheel", "Scrolls all columns together while \"Lock scrolling\" is on"},
        {"1  /  2  /  0 or T", "Judge: left better / right better / tie"},
        {"", "Annotate"},
        {"1 – 9", "Pick an option of the highlighted question (toggle for tags)"},
        {"↑ ↓  /  Tab", "Previous / next question (Tab or Enter puts the caret in a note)"},
        {"J K  /  ← →", "Next / previous turn"},
        {"N", "Next unannotated item"},
        {"Ctrl+Enter", "Confirm and go to the next item"},
        {"Ctrl+Z  /  Del", "Undo the last answer / clear the highlighted answer"},
        {"Ctrl+B", "Build the queue from the filters"},
        {"", "Experiments"},
        {"Tab  /  Shift+Tab", "Move through the definition form (no keys of its own; Ctrl+4 opens it)"},
        {"", "Presenter (▶ Present in the header)"},
        {"→  PgDn  Space", "Finish the turn being typed, else the next turn, else the next slide"},
        {"←  PgUp", "Back one turn"},
        {"Esc", "Leave the presenter"},
    };

    private CheatSheet() {
    }

    static void show(Window owner, List<String> stylesheets, Path logFile) {
        GridPane g = new GridPane();
        g.setId("cheatSheet");
        g.setHgap(18);
        g.setVgap(6);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            if (SHORTCUTS[i][0].isEmpty()) {
                Label section = new Label(SHORTCUTS[i][1]);
                section.getStyleClass().add("cheat-section");
                g.add(section, 0, i, 2, 1);
                continue;
            }
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("kbd");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(SHORTCUTS[i][1]);
            what.setWrapText(true); // long lines wrap inside the dialog instead of running under its edge
            what.setMinHeight(Label.USE_PREF_SIZE);
            what.setMaxWidth(440);
            g.addRow(i, key, what);
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
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(Math.min(560, owner == null ? 560 : owner.getHeight() - 220));
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().getStylesheets().setAll(stylesheets);
        a.show();
    }
}
