package org.userlm.workbench.app;

import javafx.application.Application;
import org.userlm.workbench.ui.shell.WorkbenchApp;

/** Starts the JavaFX application. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        AppProperties.applyDefaults();
        if (System.getProperty("prism.order") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("userlm.gpu.ui") == null) {
            // es2 fails on many virtual displays and falls back anyway; software rendering is predictable.
            System.setProperty("prism.order", "sw");
        }
        WorkbenchApp.setServicesFactory(GuiServices::open);
        Application.launch(WorkbenchApp.class, args);
    }
}
