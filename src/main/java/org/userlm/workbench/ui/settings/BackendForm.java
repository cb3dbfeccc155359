package org.userlm.workbench.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;

/** The editable backend and sampling fields of one side (simulator or assistant). FX thread. */
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
    /** The completions endpoint's Jinja template; blank: the UserLM default. */
    final StringProperty chatTemplate = new SimpleStringProperty("");
    /** A local folder's own template, shown read-only (the engine always uses the folder's). */
    final StringProperty folderTemplate = new SimpleStringProperty("");

    BackendForm() {
        profile.addListener((o, a, p) -> {
            if (p != null) {
                apply(p);
            }
        });
    }

    void apply(BackendProfile p) {
        kind.set(p.kind());
        baseUrl.set(p.baseUrl() == null ? "" : p.baseUrl());
        model.set(p.model() == null ? "" : p.model());
        apiKeyEnv.set(p.apiKeyEnv() == null ? "" : p.apiKeyEnv());
        localPath.set(p.localPath() == null ? "" : p.localPath());
        chatTemplate.set(p.chatTemplate() == null ? "" : p.chatTemplate());
        folderTemplate.set("");
        connectionStatus.set("");
    }

    void applyParams(GenerationParams p) {
        temperature.set(p.temperature() == null ? 1.0 : p.temperature());
        topP.set(p.topP() == null ? 1.0 : p.topP());
        maxTokens.set(p.maxNewTokens() == null ? 256 : p.maxNewTokens());
    }

    /** The current fields as a profile to save. */
    BackendProfile asProfile(String name) {
        return new BackendProfile(name, kind.get(), blankToNull(baseUrl.get()), blankToNull(model.get()),
                blankToNull(apiKeyEnv.get()), blankToNull(localPath.get()),
                kind.get() == BackendChoice.OPENAI_COMPLETIONS ? blankToNull(chatTemplate.get()) : null);
    }

    /** Immutable backend settings for a run; never holds a key, only the variable's name. */
    public BackendSettings backend() {
        String m = blankToNull(model.get());
        return switch (kind.get()) {
            case DEMO -> new BackendSettings(BackendKind.OPENAI_CHAT, baseUrl.get().startsWith("demo:")
                    ? baseUrl.get() : "demo://scripted", m == null ? "demo-model" : m, null, null, 120, null, null,
                    false);
            case LOCAL -> BackendSettings.local(localPath.get().isBlank() ? "models/UserLM-8b" : localPath.get());
            case OPENAI_CHAT, OPENAI_COMPLETIONS -> new BackendSettings(kind.get() == BackendChoice.OPENAI_CHAT
                    ? BackendKind.OPENAI_CHAT : BackendKind.OPENAI_COMPLETIONS, baseUrl.get().strip(), m,
                    blankToNull(apiKeyEnv.get()), null, 120, kind.get() == BackendChoice.OPENAI_COMPLETIONS
                    ? blankToNull(chatTemplate.get()) : null, null, false);
        };
    }

    public GenerationParams params() {
        return new GenerationParams(temperature.get(), topP.get(), null, maxTokens.get(), null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
