package org.userlm.workbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.userlm.workbench.ui.common.StartProbe;

/**
 * A bare JavaFX "hello" window started from the workbench's own jar: the floor that {@code bench-start} compares
 * the workbench's cold start with. Not an {@code Application} itself: the java launcher refuses a main class that
 * extends one when JavaFX is on the class path.
 */
public final class BareWindow {
    private BareWindow() {
    }

    /** Launches the bare window (not through {@code Main}, so nothing of the workbench is loaded). */
    public static void main(String[] args) {
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw"); // as the workbench does on X
        }
        Application.launch(Hello.class, args);
    }

    /** The window. */
    public static final class Hello extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("hello")), 1440, 900));
            stage.setTitle("hello");
            stage.show();
            StartProbe.afterShow();
        }
    }
}
