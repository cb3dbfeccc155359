package org.userlm.workbench.ui.shell;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: the main window. */
public class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("UserLM Workbench"));
        root.setPadding(new Insets(24));
        stage.setTitle("UserLM Workbench");
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }
}
