package org.userlm.workbench.ui.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.ui.common.StartProbe;
import org.userlm.workbench.ui.common.WorkbenchServices;

/**
 * The JavaFX application. The database is {@code --db FILE} (or {@code --db=FILE}), else {@code -Duserlm.db}, else
 * the default file. Services come from a factory that {@code app} installs before launch, so {@code ui} never
 * depends on {@code app}.
 */
public class WorkbenchApp extends Application {
    private static volatile Function<Path, WorkbenchServices> servicesFactory;
    /** The database being opened while the toolkit starts ({@link #prepare}), with the arguments it was for. */
    private static volatile Opening prepared;
    private WorkbenchServices services;
    /** Why the database could not be opened (shown instead of the window), or null. */
    private String startupError;
    private MainWindow window;

    /** Installed by the launcher (and by tests) before {@code Application.launch}. */
    public static void setServicesFactory(Function<Path, WorkbenchServices> factory) {
        servicesFactory = factory;
    }

    /**
     * Starts what the window needs and the toolkit does not, on its own thread, before {@code Application.launch}
     * (the launcher calls it): the log and the database (SQLite, migrations, crash recovery), and on another thread
     * the JSON library that reads the saved window state. They run while the main thread starts the JavaFX toolkit
     * (bench-start);
     * {@link #init()} waits for it. Nothing here touches the FX thread or the scene.
     */
    public static void prepare(String[] args) {
        Function<Path, WorkbenchServices> f = requireFactory();
        List<String> raw = List.of(args);
        CompletableFuture<Opened> opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                opened.complete(open(f, databaseFile(raw)));
            } catch (Throwable e) { // init() must never wait for a thread that died
                opened.completeExceptionally(e);
            }
        }, "workbench-start");
        t.setDaemon(true);
        t.start();
        // Jackson's first use (~600 classes, a third of a second) on a thread of its own, beside the database: the
        // saved window state and the bundled tasks are JSON. No logger, no file: the log starts on the other thread.
        Thread json = new Thread(WorkbenchApp::warmJson, "workbench-json");
        json.setDaemon(true);
        json.start();
        prepared = new Opening(raw, opened);
    }

    private static Function<Path, WorkbenchServices> requireFactory() {
        Function<Path, WorkbenchServices> f = servicesFactory;
        if (f == null) {
            throw new IllegalStateException("start the workbench through org.userlm.workbench.app.Main");
        }
        return f;
    }

    /** The services, or why they could not be opened (a damaged, foreign or newer database). */
    private record Opened(WorkbenchServices services, String error) {
    }

    private record Opening(List<String> args, CompletableFuture<Opened> opened) {
    }

    /** A record read as the window's state files are: loads Jackson's parser, data binding and record support. */
    private static void warmJson() {
        try {
            new ObjectMapper().readValue("{\"name\": \"x\", \"width\": 1.5, \"on\": true, \"ids\": [\"a\"]}",
                    JsonWarmUp.class);
        } catch (IOException e) {
            // cannot happen with this text; the real reads will load what this did not
        }
    }

    private record JsonWarmUp(String name, Double width, Boolean on, List<String> ids) {
    }

    private static Opened open(Function<Path, WorkbenchServices> f, Path db) {
        // The log first: its set-up then never runs on the FX thread, and every logger made later finds it done.
        LoggerFactory.getILoggerFactory();
        trace("log ready");
        WorkbenchServices s = null;
        try {
            s = f.apply(db);
            s.conversations().recoverInterrupted();
        } catch (RuntimeException e) {
            // One clear message, not a stack trace; the file is untouched.
            LoggerFactory.getLogger(WorkbenchApp.class).error("cannot open the database {}",
                    db == null ? "(default)" : db, e);
            if (s != null) {
                s.close();
            }
            return new Opened(null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        trace("services open");
        return new Opened(s, null);
    }

    @Override
    public void init() {
        // Runs on the launcher thread: opening SQLite and crash recovery never hold up the FX thread.
        trace("init");
        Opening p = prepared;
        prepared = null;
        List<String> raw = getParameters().getRaw();
        boolean usable = p != null && p.args().equals(raw);
        if (p != null && !usable) { // prepared for other arguments: not this launch's database
            p.opened().thenAccept(other -> {
                if (other.services() != null) {
                    other.services().close();
                }
            });
        }
        Opened o = usable ? p.opened().join() : open(requireFactory(), databaseFile(raw));
        services = o.services();
        startupError = o.error();
        trace("services ready");
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
        trace("start");
        window = new MainWindow(services, UiState.configDir());
        trace("window constructed");
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
        StartProbe.mark(what);
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
