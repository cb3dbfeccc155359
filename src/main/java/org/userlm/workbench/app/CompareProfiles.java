package org.userlm.workbench.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.simulation.Simulators;

/**
 * Parses {@code compare --profile} values: comma-separated {@code key=value} pairs with keys {@code kind}
 * (userlm|prompted|sharded), {@code url}, {@code model}, {@code local} (a model folder instead of url/model),
 * {@code guardrails} (default|paper|off), {@code name}, {@code api-key-env}.
 */
final class CompareProfiles {
    private CompareProfiles() {
    }

    static SimulatorSettings parse(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--profile wants key=value pairs separated by commas, got \""
                        + part + "\"");
            }
            kv.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
        }
        SimulatorKind kind = switch (kv.getOrDefault("kind", "userlm").toLowerCase(Locale.ROOT)) {
            case "userlm" -> SimulatorKind.USERLM;
            case "prompted" -> SimulatorKind.PROMPTED;
            case "sharded" -> SimulatorKind.SHARDED;
            default -> throw new IllegalArgumentException("profile kind must be userlm, prompted or sharded");
        };
        GuardrailPreset preset;
        try {
            preset = GuardrailPreset.parse(kv.getOrDefault("guardrails", "default"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile guardrails must be default, paper or off", e);
        }
        GuardrailSettings g = preset.settings();
        boolean userLm = kind == SimulatorKind.USERLM;
        BackendSettings backend;
        if (kv.containsKey("local")) {
            backend = BackendSettings.local(kv.get("local"));
        } else {
            if (!kv.containsKey("url") || !kv.containsKey("model")) {
                throw new IllegalArgumentException("profile \"" + spec + "\" needs url=... and model=... (or local=DIR)");
            }
            backend = Simulators.serverBackend(kind, BackendKind.OPENAI_CHAT, kv.get("url"), kv.get("model"),
                    kv.get("api-key-env"), 120, null, null, g);
        }
        String name = kv.getOrDefault("name", kind.wire() + " " + backend.model() + (userLm ? " (" + preset.wire() + ")" : ""));
        return new SimulatorSettings(name, kind, backend, null, g, null, null);
    }
}
