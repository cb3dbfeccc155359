package org.userlm.workbench.ui.settings;

import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.SimulatorKind;

/**
 * The editable backend and sampling fields of one side (simulator or assistant). FX thread. The simulator side also
 * saves and restores the simulator kind with its profile.
 */
public final class BackendForm {
    final ObjectProperty<BackendProfile> profile = new SimpleObjectProperty<>();
    final ObjectProperty<BackendChoice> kind = new SimpleObjectProperty<>(BackendChoice.DEMO);
    final StringProperty baseUrl = new SimpleStringProperty("");
    final StringProperty model = new SimpleStringProperty("");
    final StringProperty apiKeyEnv = new SimpleStringProperty("");
    final StringProperty localPath = new SimpleStringProperty("");
    final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(1.0);
    final ObjectProperty<Double> topP = new SimpleObjectProperty<>(0.8);
    final ObjectProperty<Integer> maxTokens = new SimpleObjectProperty<>(256);
    final StringProperty connectionStatus = new SimpleStringProperty("");
    /** The models the server listed at the last successful "Test connection" (empty before). */
    final ObservableList<String> serverModels = FXCollections.observableArrayList();
    /** The simulator kind saved with this side's profiles, or null (the assistant side). */
    private final ObjectProperty<SimulatorKind> simulatorKind;
    private final String defaultUrl;
    private final BooleanBinding modified;
    private boolean applying;
    /** The completions endpoint's Jinja template; blank: the UserLM default. */
    final StringProperty chatTemplate = new SimpleStringProperty("");
    /** A local folder's own template, shown read-only (the engine always uses the folder's). */
    final StringProperty folderTemplate = new SimpleStringProperty("");

    BackendForm() {
        this(null, "http://127.0.0.1:8000/v1");
    }

    /**
     * @param simulatorKind the kind saved with (and restored from) a profile, or null
     * @param defaultUrl    the URL an OpenAI-compatible backend starts from when switched to
     */
    BackendForm(ObjectProperty<SimulatorKind> simulatorKind, String defaultUrl) {
        this.simulatorKind = simulatorKind;
        this.defaultUrl = defaultUrl;
        profile.addListener((o, a, p) -> {
            if (p != null) {
                apply(p);
            }
        });
        kind.addListener((o, a, k) -> {
            if (!applying && k != null) {
                switchedTo(a, k);
            }
        });
        modified = simulatorKind == null
                ? Bindings.createBooleanBinding(this::differs, profile, kind, baseUrl, model, apiKeyEnv, localPath,
                chatTemplate)
                : Bindings.createBooleanBinding(this::differs, profile, kind, baseUrl, model, apiKeyEnv, localPath,
                chatTemplate, simulatorKind);
    }

    void apply(BackendProfile p) {
        applying = true;
        try {
            kind.set(p.kind());
            baseUrl.set(p.baseUrl() == null ? "" : p.baseUrl());
            model.set(p.model() == null ? "" : p.model());
            apiKeyEnv.set(p.apiKeyEnv() == null ? "" : p.apiKeyEnv());
            localPath.set(p.localPath() == null ? "" : p.localPath());
            chatTemplate.set(p.chatTemplate() == null ? "" : p.chatTemplate());
            folderTemplate.set("");
            if (simulatorKind != null && p.simulatorKind() != null) {
                simulatorKind.set(p.simulatorKind());
            }
            connectionStatus.set("");
            serverModels.clear();
        } finally {
            applying = false;
        }
    }

    /**
     * A URL (and model) that belongs to another backend kind goes: the demo's {@code demo://scripted} never reaches
     * a server, a server URL never the demo, and a local folder needs none. The new kind's default takes its place.
     */
    private void switchedTo(BackendChoice from, BackendChoice to) {
        boolean server = to == BackendChoice.OPENAI_CHAT || to == BackendChoice.OPENAI_COMPLETIONS;
        boolean wasServer = from == BackendChoice.OPENAI_CHAT || from == BackendChoice.OPENAI_COMPLETIONS;
        if (server && !wasServer) {
            baseUrl.set(defaultUrl);
            if (from == BackendChoice.DEMO) {
                model.set("");
            }
        } else if (to == BackendChoice.DEMO) {
            baseUrl.set("demo://scripted");
            model.set("demo-model");
            apiKeyEnv.set("");
        } else if (to == BackendChoice.LOCAL) {
            baseUrl.set("");
            apiKeyEnv.set("");
            if (localPath.get().isBlank()) {
                localPath.set("models/UserLM-8b");
            }
            if (from == BackendChoice.DEMO) {
                model.set("");
            }
        }
        connectionStatus.set("");
        serverModels.clear();
    }

    /** Whether the fields differ from the chosen profile (a profile without a saved kind accepts any kind). */
    private boolean differs() {
        BackendProfile p = profile.get();
        if (p == null) {
            return false;
        }
        BackendProfile now = asProfile(p.name());
        boolean kindDiffers = simulatorKind != null && p.simulatorKind() != null
                && p.simulatorKind() != simulatorKind.get();
        return kindDiffers || !Objects.equals(now.kind(), p.kind()) || !same(now.baseUrl(), p.baseUrl())
                || !same(now.model(), p.model()) || !same(now.apiKeyEnv(), p.apiKeyEnv())
                || !same(now.localPath(), p.localPath()) || !same(now.chatTemplate(), p.chatTemplate());
    }

    private static boolean same(String a, String b) {
        return Objects.equals(blankToNull(a), blankToNull(b));
    }

    /** Back to the chosen profile's saved fields. */
    public void revert() {
        if (profile.get() != null) {
            apply(profile.get());
        }
    }

    void applyParams(GenerationParams p) {
        temperature.set(p.temperature() == null ? 1.0 : p.temperature());
        topP.set(p.topP() == null ? 1.0 : p.topP());
        maxTokens.set(p.maxNewTokens() == null ? 256 : p.maxNewTokens());
    }

    /** The current fields as a profile to save (with the simulator kind on the simulator side). */
    BackendProfile asProfile(String name) {
        return new BackendProfile(name, kind.get(), blankToNull(baseUrl.get()), blankToNull(model.get()),
                blankToNull(apiKeyEnv.get()), blankToNull(localPath.get()),
                simulatorKind == null ? null : simulatorKind.get(),
                kind.get() == BackendChoice.OPENAI_COMPLETIONS ? blankToNull(chatTemplate.get()) : null);
    }

    /** Immutable backend settings for a run; never holds a key, only the variable's name. */
    public BackendSettings backend() {
        return asProfile("form").backend();
    }

    /** A chosen local model folder: the backend becomes that folder. */
    public void useFolder(String dir) {
        kind.set(BackendChoice.LOCAL);
        localPath.set(dir);
    }

    /** Fills the server's model list after a successful "Test connection". */
    void showServerModels(List<String> models) {
        serverModels.setAll(models);
    }

    public GenerationParams params() {
        return new GenerationParams(temperature.get(), topP.get(), null, maxTokens.get(), null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** True while the fields differ from the chosen profile: the view shows "• modified". */
    public BooleanBinding modifiedProperty() {
        return modified;
    }

    public ObservableList<String> serverModels() {
        return serverModels;
    }

    public ObjectProperty<BackendProfile> profileProperty() {
        return profile;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty localPathProperty() {
        return localPath;
    }

    public ObjectProperty<BackendChoice> kindProperty() {
        return kind;
    }

    public StringProperty chatTemplateProperty() {
        return chatTemplate;
    }

    public StringProperty connectionStatusProperty() {
        return connectionStatus;
    }
}
