package org.userlm.workbench.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.userlm.workbench.domain.GuardrailSettings.TerminationMode;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.common.Owners;
import org.userlm.workbench.ui.common.Viewport;
import org.userlm.workbench.ui.common.editor.CodeEditor;
import org.userlm.workbench.ui.common.editor.CodeEditors;
import org.userlm.workbench.ui.common.editor.Diagnostic;
import org.userlm.workbench.ui.common.editor.Validator;
import org.userlm.workbench.ui.settings.SettingsViewModel.SamplingPreset;

/**
 * The right-hand settings column: simulator, guardrails, assistant, intent. Binds only.
 *
 * <p>{@link #deferring} (the main window's drawer) builds the cards below the fold (Assistant, Intent &amp; run,
 * Protocol &amp; grading) when first needed: when they show, if only by a pixel, or one by one once the window has
 * been up for a second ({@link #IDLE_PULSES}). A placeholder of about their height keeps the scroll bar close
 * meanwhile. The window is ready ~0.15 s sooner (bench-start, alternating runs). A card that starts just below the
 * fold waits too: building the cards within 300 px of the view at once put the Assistant card's ~180 nodes (of 830)
 * into every start at 1280×900, ~5% of it (bench-start, session 7). Scrolled to in the first second, a card shows
 * its placeholder for one frame.
 */
public final class SettingsView extends ScrollPane {
    /** Rows of {@link #backendGrid} (the last holds the chat template); the cards add theirs below. */
    private static final int BACKEND_ROWS = 11;
    /** Pulses after the view is first shown before the cards still waiting are built, one per {@link #GAP}. */
    static final int IDLE_PULSES = 60;
    private static final int GAP = 8;
    private final SettingsViewModel vm;
    /** The builds of the cards still waiting, in order (FX thread). */
    private final List<Runnable> waiting = new ArrayList<>();
    /** The placeholders of the cards still waiting. */
    private final List<Region> placeholders = new ArrayList<>();

    /** Every card built now (dialogs, tests). */
    public SettingsView(SettingsViewModel vm) {
        this(vm, false, 0);
    }

    /** The cards below the fold built when first needed (see the class comment). */
    public static SettingsView deferring(SettingsViewModel vm) {
        return new SettingsView(vm, true, IDLE_PULSES);
    }

    /** {@code idlePulses}: when the waiting cards are built anyway (tests; {@link Integer#MAX_VALUE}: never). */
    SettingsView(SettingsViewModel vm, boolean defer, int idlePulses) {
        this.vm = vm;
        setId("settingsPane");
        getStyleClass().add("settings-pane");
        setFitToWidth(true);
        VBox cards = new VBox(10, card("User simulator", simulatorCard()), card("Guardrails", guardrailCard()),
                card("Assistant", this::assistantCard, 520, defer), card("Intent & run", this::intentCard, 240, defer),
                card("Protocol & grading", () -> new ProtocolPane(vm.protocol, "live", false), 460, defer));
        cards.getStyleClass().add("settings-cards");
        setContent(cards);
        if (!waiting.isEmpty() && idlePulses < Integer.MAX_VALUE) {
            buildWhenIdle(idlePulses);
        }
    }

    /** Whether every card is built. */
    public boolean complete() {
        return waiting.isEmpty();
    }

    /** Whether every card that shows in the view, if only a pixel of it, is built (bench-start's "ready"). */
    public boolean completeInView() {
        return placeholders.stream().noneMatch(p -> Viewport.near(p, 0));
    }

    private TitledPane card(String title, Supplier<Node> content, double height, boolean defer) {
        if (!defer) {
            return card(title, content.get());
        }
        Region placeholder = new Region();
        placeholder.setPrefHeight(height);
        placeholder.getStyleClass().add("settings-card-waiting");
        TitledPane p = card(title, placeholder);
        Runnable[] build = new Runnable[1];
        Runnable unwatch = Viewport.whenNear(placeholder, 0, () -> build[0].run());
        build[0] = () -> {
            unwatch.run();
            if (waiting.remove(build[0])) {
                placeholders.remove(placeholder);
                p.setContent(Fit.keep(content.get()));
            }
        };
        waiting.add(build[0]);
        placeholders.add(placeholder);
        return p;
    }

    /** Builds the waiting cards one by one, from {@code idlePulses} pulses after the view is first shown. */
    private void buildWhenIdle(int idlePulses) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (waiting.isEmpty()) {
                    stop();
                } else if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()
                        && ++pulses >= idlePulses && (pulses - idlePulses) % GAP == 0) {
                    waiting.get(0).run();
                }
            }
        }.start();
    }

    private static TitledPane card(String title, Node content) {
        TitledPane p = new TitledPane(title, content);
        p.getStyleClass().add("settings-card");
        return p;
    }

    private Node simulatorCard() {
        ChoiceBox<SimulatorKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(SimulatorKind.values());
        kind.setId("simKind");
        kind.valueProperty().bindBidirectional(vm.simulatorKind);
        ChoiceBox<SamplingPreset> preset = new ChoiceBox<>();
        preset.getItems().setAll(SamplingPreset.values());
        preset.setId("samplingPreset");
        preset.valueProperty().bindBidirectional(vm.samplingPreset);
        GridPane g = backendGrid(vm.simulator, "sim");
        int r = BACKEND_ROWS;
        g.addRow(r++, label("Simulator"), kind);
        g.addRow(r, label("Sampling preset"), preset);
        return g;
    }

    private Node assistantCard() {
        GridPane g = backendGrid(vm.assistant, "asst");
        CodeEditor prompt = CodeEditors.prose(Validator.NONE).identify("systemPrompt").setRows(3)
                .bindBidirectional(vm.systemPrompt);
        Button reset = new Button("Default for task");
        reset.getStyleClass().add("flat-button");
        reset.setOnAction(e -> vm.resetSystemPrompt());
        g.add(label("System prompt"), 0, BACKEND_ROWS);
        g.add(reset, 1, BACKEND_ROWS);
        g.add(prompt, 0, BACKEND_ROWS + 1, 2, 1);
        return g;
    }

    private GridPane backendGrid(BackendForm f, String prefix) {
        GridPane g = grid();
        ComboBox<BackendProfile> profile = ProfilePicker.create(vm.profiles, prefix + "Profile");
        profile.valueProperty().bindBidirectional(f.profile);
        profile.setMaxWidth(Double.MAX_VALUE);
        Button save = new Button("Save…");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.getStyleClass().add("flat-button");
        save.setOnAction(e -> {
            TextInputDialog d = Owners.own(new TextInputDialog(f.model.get()), save);
            d.setHeaderText("Save these backend settings as a profile (API keys are never stored)");
            d.showAndWait().filter(s -> !s.isBlank()).ifPresent(name -> vm.saveProfile(f, name.strip()));
        });
        HBox.setHgrow(profile, Priority.ALWAYS);
        // "• modified" while the fields differ from the saved profile; Revert brings its values back.
        Label modified = new Label("• modified");
        modified.setId(prefix + "Modified");
        modified.getStyleClass().add("profile-modified");
        modified.setMinWidth(Region.USE_PREF_SIZE);
        Button revert = new Button("Revert");
        revert.setId(prefix + "Revert");
        revert.getStyleClass().add("flat-button");
        revert.setMinWidth(Region.USE_PREF_SIZE);
        revert.setOnAction(e -> f.revert());
        for (Node n : new Node[] {modified, revert}) {
            n.visibleProperty().bind(f.modifiedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        ChoiceBox<BackendChoice> kind = new ChoiceBox<>();
        kind.getItems().setAll(BackendChoice.values());
        kind.setId(prefix + "Backend");
        kind.valueProperty().bindBidirectional(f.kind);
        Button test = new Button("Test connection");
        test.setId(prefix + "TestConnection");
        test.setOnAction(e -> vm.testConnection(f));
        test.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId(prefix + "ConnectionStatus");
        status.getStyleClass().add("connection-status");
        status.setWrapText(true);
        status.textProperty().bind(f.connectionStatus);
        HBox profileRow = new HBox(6, profile, save);
        profileRow.setAlignment(Pos.CENTER_LEFT);
        HBox changed = new HBox(6, modified, revert);
        changed.setAlignment(Pos.CENTER_LEFT);
        changed.visibleProperty().bind(f.modifiedProperty());
        changed.managedProperty().bind(changed.visibleProperty());
        g.addRow(0, label("Profile"), new VBox(4, profileRow, changed));
        g.addRow(1, label("Backend"), kind);
        g.addRow(2, label("Base URL"), field(f.baseUrl, prefix + "BaseUrl", "http://127.0.0.1:8000/v1"));
        g.addRow(3, label("Model"), grow(new HBox(6, field(f.model, prefix + "Model", "model name on the server"),
                BackendControls.serverModels(f, prefix))));
        g.addRow(4, label("API key env"), field(f.apiKeyEnv, prefix + "ApiKeyEnv", "e.g. OPENAI_API_KEY (name only)"));
        g.addRow(5, label("Model folder"), grow(new HBox(6, field(f.localPath, prefix + "LocalPath",
                "models/UserLM-8b"), BackendControls.browse(f, prefix))));
        g.add(test, 0, 6);
        g.add(status, 1, 6);
        g.addRow(7, label("Temperature"), doubleSpinner(f.temperature, 0, 2, 0.05, prefix + "Temperature"));
        g.addRow(8, label("Top-p"), doubleSpinner(f.topP, 0, 1, 0.05, prefix + "TopP"));
        g.addRow(9, label("Max new tokens"), intSpinner(f.maxTokens, 1, 32768, prefix + "MaxTokens"));
        g.add(chatTemplate(f, prefix), 0, 10, 2, 1);
        return g;
    }

    /**
     * The chat template: an override for a completions endpoint (checked as you type), or a local folder's own
     * template shown read-only (the in-process engine always renders the folder's); hidden for the other backends.
     */
    private Node chatTemplate(BackendForm f, String prefix) {
        CodeEditor override = CodeEditors.chatTemplate().identify(prefix + "ChatTemplate").setRows(5)
                .setPlaceholder("Blank: the UserLM template. Paste a Jinja chat_template to override it.")
                .bindBidirectional(f.chatTemplate);
        CodeEditor folder = CodeEditors.chatTemplate().identify(prefix + "FolderTemplate").setRows(5)
                .setEditable(false).bindBidirectional(f.folderTemplate);
        Button show = new Button("Show the folder's template");
        show.setId(prefix + "ShowFolderTemplate");
        show.getStyleClass().add("flat-button");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> vm.loadFolderTemplate(f));
        Label readOnly = new Label("Read-only: the in-process engine always renders the folder's own template.");
        readOnly.getStyleClass().add("hint");
        readOnly.setWrapText(true);
        VBox local = new VBox(6, show, folder, readOnly);
        VBox box = new VBox(6, label("Chat template"), override, local);
        Runnable byKind = () -> {
            boolean completions = f.kind.get() == BackendChoice.OPENAI_COMPLETIONS;
            boolean isLocal = f.kind.get() == BackendChoice.LOCAL;
            show(override, completions);
            show(local, isLocal);
            show(box, completions || isLocal);
        };
        f.kind.addListener((o, a, b) -> byKind.run());
        byKind.run();
        return box;
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private Node guardrailCard() {
        GuardrailForm f = vm.guardrails;
        GridPane g = grid();
        ChoiceBox<GuardrailPreset> preset = new ChoiceBox<>();
        preset.getItems().setAll(GuardrailPreset.values());
        preset.setId("guardrailPreset");
        preset.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(preset, Priority.ALWAYS);
        preset.valueProperty().bindBidirectional(f.preset);
        Button reset = new Button("Reset");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.setId("resetGuardrails");
        reset.setOnAction(e -> f.reset());
        g.addRow(0, label("Preset"), new HBox(6, preset, reset));
        g.addRow(1, toggle("First words", f.filterFirst, "guardFirst"),
                field(f.bannedFirst, "bannedFirstWords", "I, You, Here"));
        ChoiceBox<TerminationMode> mode = new ChoiceBox<>();
        mode.getItems().setAll(TerminationMode.values());
        mode.valueProperty().bindBidirectional(f.terminationMode);
        g.addRow(2, toggle("End ban", f.avoidTermination, "guardTermination"), mode);
        HBox words = new HBox(6, intSpinner(f.minWords, 0, 500, "minWords"), new Label("–"),
                intSpinner(f.maxWords, 1, 500, "maxWords"));
        words.setAlignment(Pos.CENTER_LEFT);
        g.addRow(3, toggle("Length", f.length, "guardLength"), words);
        g.addRow(4, toggle("Verbatim", f.verbatim, "guardVerbatim"),
                new HBox(6, new Label("retries"), intSpinner(f.maxRetries, 0, 20, "maxRetries")));
        Label note = new Label("Paper values are reported by third parties, not confirmed by the authors.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        g.add(note, 0, 5, 2, 1);
        return g;
    }

    private Node intentCard() {
        CodeEditor intent = CodeEditors.prose(text -> text.isBlank() ? Diagnostic.whole("Empty: the simulated user "
                + "has no goal. Regenerate it from the task or write one.", Diagnostic.Severity.WARNING) : null)
                .identify("intentEditor").setRows(5).bindBidirectional(vm.intent);
        Button regen = new Button("Regenerate from task");
        regen.getStyleClass().add("flat-button");
        regen.setOnAction(e -> vm.regenerateIntent());
        Label hint = new Label("Only the user simulator sees the intent; the assistant never does.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        CheckBox solved = new CheckBox("Stop when the assistant solves the task (graded)");
        solved.selectedProperty().bindBidirectional(vm.stopWhenSolved);
        HBox turns = new HBox(6, new Label("Max user turns (0 = auto)"),
                intSpinner(vm.maxUserTurns, 0, 50, "maxUserTurns"));
        turns.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, hint, intent, regen, turns, solved);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.getStyleClass().add("form-grid");
        return g;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        GridPane.setHgrow(t, Priority.ALWAYS);
        HBox.setHgrow(t, Priority.ALWAYS);
        return t;
    }

    private static HBox grow(HBox h) {
        h.setAlignment(Pos.CENTER_LEFT);
        GridPane.setHgrow(h, Priority.ALWAYS);
        return h;
    }

    private static ToggleSwitch toggle(String text, BooleanProperty p, String id) {
        ToggleSwitch s = new ToggleSwitch(text);
        s.setId(id);
        s.selectedProperty().bindBidirectional(p);
        return s;
    }

    private static Spinner<Double> doubleSpinner(ObjectProperty<Double> p, double min, double max, double step,
                                                 String id) {
        Spinner<Double> s = new Spinner<>(min, max, p.get(), step);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        s.getValueFactory().valueProperty().bindBidirectional(p);
        return s;
    }

    private static Spinner<Integer> intSpinner(ObjectProperty<Integer> p, int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get() == null ? min : p.get());
        s.setId(id);
        s.setEditable(true);
        // Wide enough for the largest value it takes (arrows and insets ~50 px, ~9 px a digit): a fixed 76 px
        // showed "1024" as "102" (issue 13). LayoutAudit checks every spinner's number is whole.
        s.setPrefWidth(Math.max(76, 52 + 9 * String.valueOf(max).length()));
        s.setMinWidth(Region.USE_PREF_SIZE);
        s.getValueFactory().valueProperty().bindBidirectional(p);
        return s;
    }
}
