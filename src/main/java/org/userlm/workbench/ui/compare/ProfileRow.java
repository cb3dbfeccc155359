package org.userlm.workbench.ui.compare;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.simulation.Simulators;

/** One editable simulator profile row of the compare view (FX thread). */
public final class ProfileRow {
    public final StringProperty name = new SimpleStringProperty("");
    public final ObjectProperty<SimulatorKind> kind = new SimpleObjectProperty<>(SimulatorKind.USERLM);
    public final StringProperty url = new SimpleStringProperty("http://127.0.0.1:8000/v1");
    public final StringProperty model = new SimpleStringProperty("microsoft/UserLM-8b");
    public final ObjectProperty<GuardrailPreset> guardrails = new SimpleObjectProperty<>(GuardrailPreset.DEFAULT);

    public ProfileRow() {
    }

    public ProfileRow(String name, SimulatorKind kind, String url, String model, GuardrailPreset preset) {
        this.name.set(name);
        this.kind.set(kind);
        this.url.set(url);
        this.model.set(model);
        this.guardrails.set(preset);
    }

    /** The rows a new comparison starts with: UserLM with and without guardrails, an assistant as user. */
    static List<ProfileRow> defaults() {
        return List.of(new ProfileRow("UserLM-8b + guardrails", SimulatorKind.USERLM, "http://127.0.0.1:8000/v1",
                        "microsoft/UserLM-8b", GuardrailPreset.DEFAULT),
                new ProfileRow("UserLM-8b, no guardrails", SimulatorKind.USERLM, "http://127.0.0.1:8000/v1",
                        "microsoft/UserLM-8b", GuardrailPreset.OFF),
                new ProfileRow("GPT-4o as user", SimulatorKind.PROMPTED, "http://127.0.0.1:8001/v1", "gpt-4o",
                        GuardrailPreset.OFF));
    }

    /** A row showing stored settings (when a comparison is reopened). */
    static ProfileRow of(SimulatorSettings s) {
        GuardrailPreset p = GuardrailPreset.matching(s.guardrails());
        BackendSettings b = s.backend();
        return new ProfileRow(s.name(), s.kind(), b == null ? "" : b.baseUrl(), b == null ? "" : b.model(), p);
    }

    GuardrailSettings guardrailSettings() {
        return guardrails.get().settings();
    }

    /** The profile as the runner needs it; API keys are never part of it. */
    SimulatorSettings toSettings() {
        SimulatorKind k = kind.get();
        GuardrailSettings g = guardrailSettings();
        boolean userLm = k == SimulatorKind.USERLM;
        BackendSettings backend = Simulators.serverBackend(k, BackendKind.OPENAI_CHAT, url.get().strip(),
                model.get().strip(), null, 120, null, null, g);
        String display = name.get() == null || name.get().isBlank()
                ? k.wire() + " " + model.get() + (userLm ? " (" + guardrails.get().wire() + ")" : "")
                : name.get().strip();
        return new SimulatorSettings(display, k, backend, null, g, null, null);
    }
}
