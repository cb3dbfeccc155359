package org.userlm.workbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.common.Notify;
import org.userlm.workbench.ui.common.RunningTasks;
import org.userlm.workbench.ui.common.StartProbe;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.common.WorkbenchServices;
import org.userlm.workbench.ui.conversation.ConversationView;
import org.userlm.workbench.ui.conversation.ConversationViewModel;
import org.userlm.workbench.ui.history.HistoryView;
import org.userlm.workbench.ui.history.HistoryViewModel;
import org.userlm.workbench.ui.models.ModelManagerWindow;
import org.userlm.workbench.ui.presenter.PlaylistEditor;
import org.userlm.workbench.ui.presenter.PlaylistWindow;
import org.userlm.workbench.ui.settings.BackendForm;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProfileStore;
import org.userlm.workbench.ui.settings.SettingsView;
import org.userlm.workbench.ui.settings.SettingsViewModel;
import org.userlm.workbench.ui.tasks.TaskBrowserView;
import org.userlm.workbench.ui.tasks.TaskBrowserViewModel;
import org.userlm.workbench.ui.welcome.WelcomePage;

/**
 * Assembles the main window: tasks/history | conversation | settings, header and status bar.
 *
 * <p>Over 300 lines on purpose: it wires the main views to their view models and holds what spans them (header,
 * status bar, shortcuts, theme, saved window state); the tabbed workspaces are wired in {@link Workspaces}, the
 * settings drawer in {@link SettingsDrawer}.
 */
public final class MainWindow {
    static final String BASE_CSS = Themes.BASE_CSS;
    private final WorkbenchServices services;
    private final Path configDir;
    /** Every background task of the window passes through here: the status bar shows the ones that run long. */
    private final RunningTasks running = new RunningTasks(() -> this.stage);
    private final TaskExecutor bg = new ThreadPoolTaskExecutor(Platform::runLater, running);
    private final TaskBrowserViewModel tasks;
    private final HistoryViewModel history;
    private final SettingsViewModel settings;
    private final ConversationViewModel conversation;
    private final TabPane left = new TabPane();
    private Workspaces workspaces;
    private Scene scene;
    private SettingsDrawer drawer;
    private Themes themes;
    private Stage stage;
    private boolean dark;
    private boolean restoredSeen;

    public MainWindow(WorkbenchServices services, Path configDir) {
        this.services = services;
        this.configDir = configDir;
        tasks = new TaskBrowserViewModel(services, bg);
        history = new HistoryViewModel(services, bg);
        settings = new SettingsViewModel(services, bg, new ProfileStore(configDir));
        conversation = new ConversationViewModel(services, bg);
        tasks.selectedProperty().addListener((o, a, t) -> settings.useTask(t));
        conversation.onConversationsChanged(history::refresh);
    }

    public void show(Stage s) {
        this.stage = s;
        UiState state = UiState.load(configDir);
        BorderPane root = new BorderPane();
        root.getStyleClass().add("workbench");
        root.setTop(null);
        Tab taskTab = new Tab("Tasks", new TaskBrowserView(tasks));
        taskTab.setId("tasksTab");
        // Built when first shown: a tab's content is in the scene (CSS, layout) even while another tab is selected.
        Tab historyTab = new Tab("History");
        historyTab.setId("historyTab");
        historyTab.selectedProperty().addListener((o, was, on) -> {
            if (on && historyTab.getContent() == null) {
                historyTab.setContent(new HistoryView(history, conversation::open, conversation::rerun));
            }
        });
        left.getTabs().setAll(taskTab, historyTab);
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.getStyleClass().add("side-tabs");
        Fit.keep(left);
        ConversationView conv = new ConversationView(conversation, this::start);
        // Wide enough for the task search's hint beside the kind filter (LayoutAuditTest, a fresh window at every
        // size); the default divider would otherwise leave it ~200 px when the settings drawer is docked.
        left.setMinWidth(250);
        conv.setMinWidth(380);
        SplitPane split = new SplitPane(left, conv);
        SplitPane.setResizableWithParent(left, false);
        drawer = new SettingsDrawer(split, () -> Fit.keep(SettingsView.deferring(settings)), configDir);
        workspaces = new Workspaces(services, drawer.node(), bg);
        workspaces.profiles(new ProfileStore(configDir));
        workspaces.experiments(() -> new ProfileStore(configDir).load(), id -> {
            workspaces.select(0);
            conversation.open(id);
        });
        root.setTop(header());
        root.setCenter(workspaces.node());
        root.setBottom(statusBar());
        // Never larger than the screen (a headless test screen is only 1280x800).
        var screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(width(state.width(), 1440), screen.getWidth()),
                Math.min(width(state.height(), 900), screen.getHeight()));
        dark = Boolean.TRUE.equals(state.dark());
        themes = new Themes(scene);
        applyTheme();
        scene.widthProperty().addListener((o, a, w) -> drawer.widthChanged(w.doubleValue()));
        drawer.widthChanged(scene.getWidth());
        installShortcuts();
        restore(state);
        s.setTitle("UserLM Workbench");
        s.setScene(scene);
        // A stage that showed another scene before (the start-up error, a restart in tests) keeps its size and place.
        s.sizeToScene();
        if (state.x() == null || state.y() == null) {
            s.centerOnScreen();
        }
        StartProbe.mark("scene built");
        s.show();
        StartProbe.mark("shown");
        // The settings drawer's content is built while the first frame renders (see SettingsDrawer).
        FirstFrame.afterFirstLayout(scene, () -> {
            StartProbe.mark("drawer build");
            drawer.build();
            StartProbe.mark("drawer built");
        });
        // Once complete: the first turn boundary's code runs once in a hidden pane (ConversationWarmup, bench-ui).
        FirstFrame.when(this::restored, 10, () -> ConversationWarmup.schedule(conv, ConversationWarmup.ROUNDS,
                ms -> LoggerFactory.getLogger(MainWindow.class).info("conversation warm-up: {} ms of FX CPU", ms)));
        conversation.stateProperty().addListener((o, was, now) -> {
            if (now == ConversationViewModel.RunState.IDLE && was != null) {
                // After this pulse has set the final status line.
                Platform.runLater(() -> Notify.show(stage, "Conversation finished",
                        conversation.activityProperty().get(), false));
            }
        });
        tasks.load(state.taskId());
        history.refresh();
        if (WelcomePage.firstRun(configDir)) {
            Platform.runLater(this::showWelcome);
        }
        if (Boolean.getBoolean("userlm.autostart")) {
            // Kiosk/demo mode: start as soon as a task is selected (used for screenshots and projector demos).
            tasks.selectedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Task> o,
                                    Task a, Task t) {
                    tasks.selectedProperty().removeListener(this);
                    Platform.runLater(MainWindow.this::start);
                }
            });
        }
    }

    private static double width(Double saved, double fallback) {
        return saved == null || saved < 400 ? fallback : saved;
    }

    private HBox header() {
        Label title = new Label("UserLM Workbench");
        title.getStyleClass().add("app-title");
        Label sub = new Label("user simulators × assistants, live");
        sub.getStyleClass().add("app-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button("◐ Theme");
        theme.setId("themeToggle");
        theme.getStyleClass().add("flat-button");
        theme.setOnAction(e -> toggleTheme());
        Button help = new Button("?");
        help.setId("helpButton");
        help.getStyleClass().addAll("flat-button", "help-button");
        help.setOnAction(e -> showCheatSheet());
        sub.setMinWidth(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
        theme.setMinWidth(Region.USE_PREF_SIZE);
        help.setMinWidth(Region.USE_PREF_SIZE);
        // The subtitle gives way first on a narrow window; it is decoration, not information.
        sub.visibleProperty().bind(Bindings.createBooleanBinding(() -> scene == null || scene.getWidth() >= 1100,
                stage.widthProperty()));
        sub.managedProperty().bind(sub.visibleProperty());
        Button present = new Button("▶  Present");
        present.setId("presentButton");
        present.getStyleClass().add("flat-button");
        present.setMinWidth(Region.USE_PREF_SIZE);
        present.setTooltip(new Tooltip("Presenter mode: replay stored conversations full screen"
                + " at reading speed (playlists, captions, HTML export)"));
        present.setOnAction(e -> openPresenter());
        // The settings drawer belongs to Live; elsewhere its toggle would do nothing visible.
        drawer.toggle().visibleProperty().bind(workspaces.node().getSelectionModel().selectedIndexProperty()
                .isEqualTo(0));
        drawer.toggle().managedProperty().bind(drawer.toggle().visibleProperty());
        Button models = new Button("Models…");
        models.setId("modelsButton");
        models.getStyleClass().add("flat-button");
        models.setMinWidth(Region.USE_PREF_SIZE);
        models.setTooltip(new Tooltip("Model manager: descriptors, downloads, GPU set-up"));
        models.setOnAction(e -> openModels(null));
        Button welcome = new Button("Welcome");
        welcome.setId("welcomeButton");
        welcome.getStyleClass().add("flat-button");
        welcome.setMinWidth(Region.USE_PREF_SIZE);
        welcome.setOnAction(e -> showWelcome());
        HBox h = new HBox(10, title, sub, spacer, present, models, welcome, drawer.toggle(), theme, help);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("app-header");
        return h;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        // The status line and the backends are the Live workspace's: other workspaces show their own.
        var live = workspaces.node().getSelectionModel().selectedIndexProperty().isEqualTo(0);
        var liveText = Bindings.when(live).then(conversation.activityProperty()).otherwise("");
        workspaces.node().getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() == 0) {
                history.refresh(); // Compare and other workspaces store conversations too
            }
        });
        running.drive(bar, liveText, Bindings.when(conversation.busyProperty())
                .then(conversation.loadProgressProperty()).otherwise(0.0));
        BackendForm sim = settings.simulator();
        BackendForm asst = settings.assistant();
        Label backend = new Label();
        backend.setId("backendLabel");
        backend.textProperty().bind(Bindings.createStringBinding(() -> "⚙ " + settings.backendLabel(),
                sim.kindProperty(), sim.baseUrlProperty(), sim.modelProperty(), asst.kindProperty(),
                asst.baseUrlProperty(), asst.modelProperty()));
        backend.visibleProperty().bind(live);
        Label db = new Label("DB " + services.databaseLabel());
        db.getStyleClass().add("hint");
        bar.getRightItems().addAll(backend, new Label("  "), db);
        return bar;
    }

    private void start() {
        try {
            conversation.start(settings.snapshot());
        } catch (IllegalStateException e) {
            conversation.explain(e.getMessage());
        }
    }

    private void installShortcuts() {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::start);
        acc.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), conversation::pause);
        acc.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), conversation::step);
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), conversation::resume);
        acc.put(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN),
                conversation::toggleTakeOver);
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> focus(0, "#taskSearch"));
        acc.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), () -> focus(1, "#historySearch"));
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), history::undoDelete);
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::toggleTheme);
        acc.put(new KeyCodeCombination(KeyCode.F1), this::showCheatSheet);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> workspaces.select(index));
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && conversation.isLive()) {
                conversation.stop();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                showCheatSheet();
                e.consume();
            }
        });
    }

    private void focus(int tab, String selector) {
        left.getSelectionModel().select(tab);
        Platform.runLater(() -> {
            var n = scene.lookup(selector);
            if (n != null) {
                n.requestFocus();
            }
        });
    }

    /** The model manager (issue 14); "Use as user simulator" fills the simulator form with the folder. */
    private void openModels(String modelId) {
        ModelManagerWindow.show(stage, scene.getStylesheets(), modelId, f ->
                settings.simulator().profileProperty().set(new BackendProfile("Local folder · "
                        + (f.repo() == null ? f.dir().getFileName() : f.repo()), org.userlm.workbench.ui.settings
                        .BackendChoice.LOCAL, null, f.repo(), null, f.dir().toString())));
    }

    /** Imports a task file opened from the desktop (file associations of the installers). */
    public void importTasks(Path file) {
        tasks.importFiles(List.of(file));
    }

    private void showWelcome() {
        WelcomePage.show(stage, scene.getStylesheets(), configDir,
                settings.simulator(), this::openModels);
    }

    private void openPresenter() {
        var editor = new PlaylistEditor(services.playlists(),
                services.conversations(), r -> bg.spawn("presenter-io", r));
        PlaylistWindow.open(stage, editor, () -> new String[] {
            conversation.shownProperty().get().conversationIdProperty().get(),
            conversation.shownProperty().get().titleProperty().get()}, scene.getStylesheets());
    }

    private void showCheatSheet() {
        CheatSheet.show(stage, scene.getStylesheets(), services.logFile());
    }

    private void toggleTheme() {
        dark = !dark;
        applyTheme();
    }

    private void applyTheme() {
        themes.apply(dark);
    }

    private void restore(UiState s) {
        if (s.x() != null && s.y() != null) {
            stage.setX(s.x());
            stage.setY(s.y());
        }
        stage.setMaximized(Boolean.TRUE.equals(s.maximized()));
        if (s.leftTab() != null && s.leftTab() >= 0 && s.leftTab() < left.getTabs().size()) {
            left.getSelectionModel().select(s.leftTab());
        }
    }

    /** Saves geometry and selections; called when the window closes. */
    public void saveState() {
        var task = tasks.selectedProperty().get();
        new UiState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), dark,
                task == null ? null : task.id(), left.getSelectionModel().getSelectedIndex()).save(configDir);
        drawer.save();
        themes.dispose();
        conversation.stop();
        workspaces.stop();
        bg.shutdown();
    }

    /**
     * Whether the window is complete: the deferred settings view built with every card that shows (the ones below
     * the fold come later, see SettingsView) and the task list loaded with the last task selected (bench-start's "ready"; {@code -Duserlm.trace.startup} marks the first time it is).
     */
    boolean restored() {
        boolean r = drawer.isCompleteInView() && !tasks.statusProperty().get().isEmpty();
        if (r && !restoredSeen) {
            restoredSeen = true;
            StartProbe.mark("restored");
        }
        return r;
    }

    ConversationViewModel conversation() {
        return conversation;
    }

    Workspaces workspaces() {
        return workspaces;
    }

    SettingsDrawer drawer() {
        return drawer;
    }

    Stage stage() {
        return stage;
    }

    /** Sets the theme (tests and the presenter). */
    void setDark(boolean on) {
        dark = on;
        applyTheme();
    }

    void showCheatSheetForTest() {
        showCheatSheet();
    }

}
