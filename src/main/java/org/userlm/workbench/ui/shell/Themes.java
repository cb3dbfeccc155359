package org.userlm.workbench.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Light and dark stylesheets for the main scene, and the same for every other window of the app (dialogs,
 * the presenter, the playlist editor), which would otherwise open in plain Modena.
 */
final class Themes {
    static final String BASE_CSS = "/assets/css/workbench.css";
    private final Scene main;
    private final ListChangeListener<Window> onNewWindow = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::dress);
        }
    };

    Themes(Scene main) {
        this.main = main;
        Window.getWindows().addListener(onNewWindow);
    }

    /** Stops dressing new windows (the main window closed). */
    void dispose() {
        Window.getWindows().removeListener(onNewWindow);
    }

    void apply(boolean dark) {
        main.getStylesheets().setAll(css(BASE_CSS), css(dark ? "/assets/css/dark.css" : "/assets/css/light.css"));
        Window.getWindows().forEach(this::dress);
    }

    private void dress(Window w) {
        if (w.getScene() != null && w.getScene() != main && main.getWindow() != w) {
            w.getScene().getStylesheets().setAll(main.getStylesheets());
        }
    }

    static String css(String path) {
        var url = Themes.class.getResource(path);
        return url == null ? path : url.toExternalForm();
    }
}
