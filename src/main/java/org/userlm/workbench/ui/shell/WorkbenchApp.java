package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.ui.common.WorkbenchServices;

/**
 * The JavaFX application. The database is {@code --db FILE} (or {@code --db=FILE}), else {@code -Duserlm.db}, else
 * the default file. Services come from a factory that {@code app} installs before launch, so {@code ui} never
 * depends on {@code app}.
 */
public class WorkbenchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    private static volatile Function<Path, WorkbenchServices> servicesFactory;
    private WorkbenchServices services;
    /** Why the database could not be opened (shown instead of the window), or null. */
    private String startupError;
    private MainWindow window;

    /** Installed by the launcher (and by tests) before {@code Application.launch}. */
    public static void setServicesFactory(Function<Path, WorkbenchServices> factory) {
        servicesFactory = factory;
    }

    @Override
    public void init() {
        Function<Path, WorkbenchServices> f = servicesFactory;
        if (f == null) {
            throw new IllegalStateException("start the workbench through org.userlm.workbench.app.Main");
        }
        // Runs on the launcher thread: opening SQLite and crash recovery never hold up the FX thread.
        trace("init");
        Path db = databaseFile(getParameters().getRaw());
        try {
            services = f.apply(db);
            services.conversations().recoverInterrupted();
        } catch (RuntimeException e) {
            // A damaged, foreign or newer database: one clear message, not a stack trace; the file is untouched.
            LOG.error("cannot open the database {}", db == null ? "(default)" : db, e);
            startupError = e.getMessage() == null ? e.toString() : e.getMessage();
            if (services != null) {
                services.close();
                services = null;
            }
            return;
        }
        trace("services open");
    }

    static Path databaseFile(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--db") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (a.startsWith("--db=")) {
                return Path.of(a.substring(5));
            }
        }
        String p = System.getProperty("userlm.db");
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /** {@code --open FILE}: a task file opened from the desktop, or null. */
    static Path fileToOpen(List<String> args) {
        int i = args.indexOf("--open");
        return i >= 0 && i + 1 < args.size() ? Path.of(args.get(i + 1)) : null;
    }

    @Override
    public void start(Stage stage) {
        if (startupError != null) {
            showStartupError(stage, startupError);
            return;
        }
        window = new MainWindow(services, UiState.configDir());
        window.show(stage);
        Path open = fileToOpen(getParameters().getRaw());
        if (open != null) {
            window.importTasks(open);
        }
        trace("window shown");
        StartProbe.afterShow(window::restored);
    }

    private static void showStartupError(Stage stage, String message) {
        Label title = new Label("The workbench cannot open its database");
        title.getStyleClass().add("app-title");
        Label detail = new Label(message);
        detail.setId("startupError");
        detail.setWrapText(true);
        Label hint = new Label("Nothing was changed. Start with another file: --db FILE");
        Button close = new Button("Close");
        close.setId("startupErrorClose");
        close.setDefaultButton(true);
        close.setOnAction(e -> Platform.exit());
        VBox box = new VBox(12, title, detail, hint, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(24));
        box.setPrefWidth(560);
        stage.setTitle("UserLM Workbench");
        stage.setScene(new Scene(box));
        stage.show();
    }

    private static void trace(String what) {
        if (Boolean.getBoolean("userlm.trace.startup")) {
            LOG.info("{} at {} ms", what, ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveState();
        }
        if (services != null) {
            services.close();
        }
    }

    /** The open window (tests). */
    MainWindow window() {
        return window;
    }
}
