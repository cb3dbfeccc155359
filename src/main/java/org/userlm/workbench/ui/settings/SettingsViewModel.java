package org.userlm.workbench.ui.settings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.simulation.Intents;
import org.userlm.workbench.simulation.SystemPrompts;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.WorkbenchServices;

/** Simulator, guardrails, assistant, intent and system prompt for the next Start. FX thread. */
public final class SettingsViewModel {
    /** UserLM sampling presets; the generation_config values are reported by third parties, not verified. */
    public enum SamplingPreset {
        CARD("Model card: T 1.0 · top-p 0.8", GenerationParams.userLmCard()),
        GENERATION_CONFIG("generation_config: T 0.6 · top-p 0.9 (reported, unverified)",
                GenerationParams.userLmGenerationConfig());

        final String label;
        final GenerationParams params;

        SamplingPreset(String label, GenerationParams params) {
            this.label = label;
            this.params = params;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final ObjectProperty<SimulatorKind> simulatorKind = new SimpleObjectProperty<>(SimulatorKind.USERLM);
    final BackendForm simulator = new BackendForm(simulatorKind, "http://127.0.0.1:8000/v1");
    final BackendForm assistant = new BackendForm(null, "http://127.0.0.1:8001/v1");
    final ObjectProperty<SamplingPreset> samplingPreset = new SimpleObjectProperty<>(SamplingPreset.CARD);
    final GuardrailForm guardrails = new GuardrailForm();
    final StringProperty systemPrompt = new SimpleStringProperty("");
    final StringProperty intent = new SimpleStringProperty("");
    /** 0: the default of the simulator kind (8; sharded: shards + 8). */
    final ObjectProperty<Integer> maxUserTurns = new SimpleObjectProperty<>(0);
    final ProtocolForm protocol = new ProtocolForm();
    final BooleanProperty stopWhenSolved = new SimpleBooleanProperty(false);
    final ObservableList<BackendProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Task> task = new SimpleObjectProperty<>();
    private final WorkbenchServices services;
    private final TaskExecutor bg;
    private final ProfileStore store;

    public SettingsViewModel(WorkbenchServices services, TaskExecutor bg, ProfileStore store) {
        this.services = services;
        this.bg = bg;
        this.store = store;
        profiles.setAll(store.load());
        samplingPreset.addListener((o, a, p) -> {
            if (p != null) {
                simulator.applyParams(p.params);
            }
        });
        simulator.applyParams(GenerationParams.userLmCard());
        assistant.applyParams(GenerationParams.assistantDefault());
        simulator.profile.set(profiles.get(0));
        // One user-token cap: the simulator's "Max new tokens" is the protocol's "User max tokens".
        protocol.userMaxTokens.bindBidirectional(simulator.maxTokens);
        guardrails.preset.addListener((o, a, p) -> {
            if (p != null) {
                protocol.verbatimNgram.set(p.settings().intentNgram());
                protocol.minUserTurns.set(p.settings().minUserTurnsBeforeEnd());
            }
        });
        protocol.intentTemplate.addListener((o, a, t) -> regenerateIntent());
        protocol.restore(store.loadProtocol());
        // The sharded simulator samples as LiC does (temperature 1.0); UserLM keeps its preset.
        simulatorKind.addListener((o, a, k) -> {
            if (k == SimulatorKind.SHARDED) {
                simulator.applyParams(GenerationParams.licSharded());
            } else if (k == SimulatorKind.USERLM && samplingPreset.get() != null) {
                simulator.applyParams(samplingPreset.get().params);
            }
        });
        assistant.profile.set(profiles.get(0));
        rememberSelections();
        task.addListener((o, a, t) -> {
            if (t != null) {
                regenerateIntent();
                resetSystemPrompt();
            }
        });
    }

    public void regenerateIntent() {
        if (task.get() != null) {
            intent.set(Intents.fromTask(task.get(), protocol.intentTemplate.get()).text());
        }
    }

    public void resetSystemPrompt() {
        if (task.get() != null) {
            systemPrompt.set(SystemPrompts.assistantDefault(task.get().kind()));
        }
    }

    /** Lists the endpoint's models or explains the failure, in the form's status line. */
    public void testConnection(BackendForm form) {
        BackendSettings b;
        try {
            b = probe(form.backend());
        } catch (RuntimeException e) {
            form.connectionStatus.set("✗ " + Messages.shortMessage(e));
            return;
        }
        form.connectionStatus.set("Connecting to " + b.label() + "…");
        BackgroundTask.wrap(() -> {
            try {
                return services.testConnection(b);
            } catch (InferenceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).describedAs("testing the connection to " + b.label()).onSuccess(models -> {
            form.connectionStatus.set("✓ Connected · " + models.size() + " model"
                    + (models.size() == 1 ? "" : "s") + (models.isEmpty() ? "" : ": " + String.join(", ",
                    models.subList(0, Math.min(4, models.size()))) + (models.size() > 4 ? ", …" : "")));
            if (form.kind.get() == BackendChoice.OPENAI_CHAT || form.kind.get() == BackendChoice.OPENAI_COMPLETIONS) {
                form.showServerModels(models);
            }
        }).onFailure(e -> {
            form.connectionStatus.set("✗ " + Messages.shortMessage(e));
            form.serverModels.clear();
        }).executeWith(bg);
    }

    /** Listing the models needs none chosen yet: the list is how one finds the name. */
    private static BackendSettings probe(BackendSettings b) {
        return b.model() != null || b.kind() == BackendKind.LOCAL ? b : new BackendSettings(b.kind(), b.baseUrl(),
                "(listing models)", b.apiKeyEnv(), b.localPath(), b.timeoutSeconds(), b.chatTemplate(),
                b.extraBodyJson(), b.serverBans());
    }

    /**
     * Restores the profiles chosen before (by name, from the config folder) and remembers every later choice, so
     * a restart shows the same simulator and assistant. A profile since deleted leaves the default.
     */
    private void rememberSelections() {
        store.loadSelection("live").ifPresent(s -> {
            ProfileStore.named(profiles, s.simulator()).ifPresent(simulator.profile::set);
            ProfileStore.named(profiles, s.assistant()).ifPresent(assistant.profile::set);
        });
        simulator.profile.addListener((o, a, p) -> saveSelection());
        assistant.profile.addListener((o, a, p) -> saveSelection());
    }

    private void saveSelection() {
        BackendProfile sp = simulator.profile.get();
        BackendProfile ap = assistant.profile.get();
        ProfileStore.Selection s = new ProfileStore.Selection(sp == null ? null : sp.name(),
                ap == null ? null : ap.name(), null);
        bg.run(() -> {
            store.saveSelection("live", s);
            return null;
        }, ok -> { }, e -> { }); // a read-only config folder costs only the remembered choice
    }

    /** Shows the chat template of the form's local model folder (read-only: the engine always uses it). */
    public void loadFolderTemplate(BackendForm form) {
        Path folder = Path.of(form.localPath.get().isBlank() ? "models/UserLM-8b" : form.localPath.get().strip());
        bg.run(() -> FolderTemplate.read(folder), form.folderTemplate::set,
                e -> form.folderTemplate.set("{# " + Messages.shortMessage(e) + " #}"));
    }

    /** Saves the form's fields as a named profile (in the config file; never an API key). */
    public void saveProfile(BackendForm form, String name) {
        BackendProfile p = form.asProfile(name);
        profiles.removeIf(x -> x.name().equals(name));
        profiles.add(p);
        List<BackendProfile> snapshot = List.copyOf(profiles);
        bg.run(() -> {
            store.save(snapshot);
            return null;
        }, ok -> form.profile.set(p), e -> form.connectionStatus.set("✗ cannot save profile: "
                + Messages.shortMessage(e)));
    }

    /** A snapshot for the runner, or an explanation of what is missing. */
    public RunSettings snapshot() {
        Task t = task.get();
        if (t == null) {
            throw new IllegalStateException("Choose a task first");
        }
        SimulatorKind k = simulatorKind.get();
        BackendSettings simBackend = k == SimulatorKind.HUMAN ? null : simulator.backend();
        if (simBackend != null && simBackend.model() == null) {
            throw new IllegalStateException("The simulator needs a model name");
        }
        if (assistant.backend().model() == null) {
            throw new IllegalStateException("The assistant needs a model name");
        }
        SimulatorSettings sim = protocol.apply(new SimulatorSettings(simulatorName(k, simBackend), k, simBackend,
                simulator.params(), guardrails.settings(), null, null));
        AssistantSettings asst = new AssistantSettings(assistant.backend().model(), assistant.backend(),
                assistant.params(), systemPrompt.get());
        Integer turns = maxUserTurns.get() == null || maxUserTurns.get() < 1 ? null : maxUserTurns.get();
        ProtocolForm.Saved saved = protocol.saved();
        bg.run(() -> {
            store.saveProtocol(saved);
            return null;
        }, ok -> { }, e -> { }); // a read-only config folder must not stop a Start
        return new RunSettings(t, intent.get(), sim, asst, turns, stopWhenSolved.get(), false,
                protocol.graderMode(), protocol.judge());
    }

    private static String simulatorName(SimulatorKind k, BackendSettings b) {
        return k == SimulatorKind.HUMAN ? "human" : b.model() + (k == SimulatorKind.USERLM ? " + guardrails" : "");
    }

    /** Short label for the status bar. */
    public String backendLabel() {
        return simulator.backend().label() + "  ⇄  " + assistant.backend().label();
    }

    /** The task the next run uses (chosen in the task browser). */
    public ReadOnlyObjectProperty<Task> taskProperty() {
        return task;
    }

    /** Uses {@code t} for the next run: its intent and the assistant prompt for its kind are filled in. */
    public void useTask(Task t) {
        task.set(t);
    }

    public BackendForm simulator() {
        return simulator;
    }

    public BackendForm assistant() {
        return assistant;
    }

    public StringProperty intentProperty() {
        return intent;
    }

    public ObjectProperty<Integer> maxUserTurnsProperty() {
        return maxUserTurns;
    }

    /** Intent template, simulator prompt, user token cap, verbatim n-gram, min turns, grader, judge. */
    public ProtocolForm protocol() {
        return protocol;
    }

    public ObservableList<BackendProfile> profiles() {
        return profiles;
    }
}
