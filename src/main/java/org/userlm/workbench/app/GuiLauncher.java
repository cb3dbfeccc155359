package org.userlm.workbench.app;

import javafx.application.Application;
import org.userlm.workbench.ui.common.StartProbe;
import org.userlm.workbench.ui.shell.WorkbenchApp;

/** Starts the JavaFX application. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        AppProperties.applyDefaults();
        AppProperties.preferSoftwareRendering();
        WorkbenchApp.setServicesFactory(GuiServices::open);
        WorkbenchApp.prepare(args);
        StartProbe.mark("launch");
        Application.launch(WorkbenchApp.class, args);
    }
}
