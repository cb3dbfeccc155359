package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.application.Application;
import javafx.stage.Stage;
import org.userlm.workbench.ui.common.WorkbenchServices;

/**
 * The JavaFX application. The database is {@code --db FILE} (or {@code --db=FILE}), else {@code -Duserlm.db}, else
 * the default file. Services come from a factory that {@code app} installs before launch, so {@code ui} never
 * depends on {@code app}.
 */
public class WorkbenchApp extends Application {
    private static volatile Function<Path, WorkbenchServices> servicesFactory;
    private WorkbenchServices services;
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
        services = f.apply(databaseFile(getParameters().getRaw()));
        services.conversations().recoverInterrupted();
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
        window = new MainWindow(services, UiState.configDir());
        window.show(stage);
        Path open = fileToOpen(getParameters().getRaw());
        if (open != null) {
            window.importTasks(open);
        }
        trace("window shown");
    }

    private static void trace(String what) {
        if (Boolean.getBoolean("userlm.trace.startup")) {
            System.err.println(what + " at " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                    + " ms");
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
