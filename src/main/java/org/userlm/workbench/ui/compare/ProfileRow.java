package org.userlm.workbench.ui.compare;

import java.util.List;
import java.util.Objects;
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
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * One simulator row of the compare view (FX thread): a display name, the simulator kind, the saved backend profile
 * that plays the user (the same profiles as the Live settings) and a guardrail preset.
 */
public final class ProfileRow {
    public final StringProperty name = new SimpleStringProperty("");
    public final ObjectProperty<SimulatorKind> kind = new SimpleObjectProperty<>(SimulatorKind.USERLM);
    public final ObjectProperty<BackendProfile> profile = new SimpleObjectProperty<>(BackendProfile.demo());
    public final ObjectProperty<GuardrailPreset> guardrails = new SimpleObjectProperty<>(GuardrailPreset.DEFAULT);

    public ProfileRow() {
        // A profile saved with a simulator kind brings it along; the kind stays choosable afterwards.
        profile.addListener((o, a, p) -> {
            if (p != null && p.simulatorKind() != null && p.simulatorKind() != SimulatorKind.HUMAN) {
                kind.set(p.simulatorKind());
            }
        });
    }

    public ProfileRow(String name, SimulatorKind kind, BackendProfile profile, GuardrailPreset preset) {
        this();
        this.name.set(name);
        this.profile.set(Objects.requireNonNull(profile, "profile"));
        this.kind.set(kind);
        this.guardrails.set(preset);
    }

    /** A row on an OpenAI-compatible chat server that is not a saved profile (tests, the command line's flags). */
    public ProfileRow(String name, SimulatorKind kind, String url, String model, GuardrailPreset preset) {
        this(name, kind, new BackendProfile(model + " @ " + url, BackendChoice.OPENAI_CHAT, url, model, null, null),
                preset);
    }

    /**
     * The rows a new comparison starts with: UserLM with and without guardrails and an LLM prompted to play the
     * user, all on {@code user} (the offline demo unless another profile was chosen), so Start works out of the box.
     */
    static List<ProfileRow> defaults(BackendProfile user) {
        return List.of(new ProfileRow("UserLM + guardrails", SimulatorKind.USERLM, user, GuardrailPreset.DEFAULT),
                new ProfileRow("UserLM, no guardrails", SimulatorKind.USERLM, user, GuardrailPreset.OFF),
                new ProfileRow("Prompted user", SimulatorKind.PROMPTED, user, GuardrailPreset.OFF));
    }

    /** A row showing stored settings (a comparison reopened): its saved profile when one matches the backend. */
    static ProfileRow of(SimulatorSettings s, List<BackendProfile> known) {
        return new ProfileRow(s.name(), s.kind(), profileFor(s.backend(), known),
                GuardrailPreset.matching(s.guardrails()));
    }

    /**
     * The saved profile that reaches {@code b} (same kind, URL, model and folder), else a profile made from it and
     * named after it. Never a key: the stored settings hold only the variable's name.
     */
    static BackendProfile profileFor(BackendSettings b, List<BackendProfile> known) {
        if (b == null) {
            return BackendProfile.demo();
        }
        for (BackendProfile p : known) {
            BackendSettings pb = p.backend();
            if (pb.kind() == b.kind() && Objects.equals(pb.baseUrl(), b.baseUrl())
                    && Objects.equals(pb.model(), b.model()) && Objects.equals(pb.localPath(), b.localPath())) {
                return p;
            }
        }
        BackendChoice choice = b.kind() == BackendKind.LOCAL ? BackendChoice.LOCAL
                : b.baseUrl() != null && b.baseUrl().startsWith("demo:") ? BackendChoice.DEMO
                : b.kind() == BackendKind.OPENAI_COMPLETIONS ? BackendChoice.OPENAI_COMPLETIONS
                : BackendChoice.OPENAI_CHAT;
        return new BackendProfile("stored · " + b.label(), choice, b.baseUrl(), b.model(), b.apiKeyEnv(),
                b.localPath());
    }

    GuardrailSettings guardrailSettings() {
        return guardrails.get().settings();
    }

    /** The profile as the runner needs it; API keys are never part of it (only the variable's name). */
    SimulatorSettings toSettings() {
        SimulatorKind k = kind.get();
        GuardrailSettings g = guardrailSettings();
        BackendSettings b = profile.get().backend();
        // A server gets the UserLM request options (special tokens kept, server-side bans); demo and local need none.
        BackendSettings backend = b.kind() == BackendKind.LOCAL || profile.get().kind() == BackendChoice.DEMO ? b
                : Simulators.serverBackend(k, b.kind(), b.baseUrl(), b.model(), b.apiKeyEnv(), b.timeoutSeconds(),
                null, null, g);
        String display = name.get() == null || name.get().isBlank()
                ? k.wire() + " " + b.model() + (k == SimulatorKind.USERLM ? " (" + guardrails.get().wire() + ")" : "")
                : name.get().strip();
        return new SimulatorSettings(display, k, backend, null, g, null, null);
    }
}
