package org.userlm.workbench.simulation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.userlm.workbench.domain.GuardrailSettings;

/**
 * The named guardrail presets of PROTOCOL.md section 3, in one place for the CLI ({@code --guardrails},
 * {@code --profile guardrails=...}), the settings panel and the compare view.
 */
public enum GuardrailPreset {
    /** The project default [ours]. */
    DEFAULT("default", "Default (ours)"),
    /** The paper's reported values (unverified). */
    PAPER("paper", "Paper (reported values, unverified)"),
    /** Guardrails off, for ablations; the protocol's own rules still apply. */
    OFF("off", "Off (ablation)");

    private final String wire;
    private final String label;

    GuardrailPreset(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** The preset's settings. */
    public GuardrailSettings settings() {
        return switch (this) {
            case DEFAULT -> GuardrailSettings.defaults();
            case PAPER -> GuardrailSettings.paper();
            case OFF -> GuardrailSettings.off();
        };
    }

    /** The command-line spelling: {@code default}, {@code paper}, {@code off}. */
    public String wire() {
        return wire;
    }

    /** The name shown in the UI. */
    public String label() {
        return label;
    }

    /** {@code default|paper|off}, any case. */
    public static GuardrailPreset parse(String s) {
        String key = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wire.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("guardrail preset must be " + wires() + ", not "
                        + s));
    }

    /** The preset whose settings equal {@code g} exactly, else {@link #DEFAULT} (edited settings). */
    public static GuardrailPreset matching(GuardrailSettings g) {
        return Arrays.stream(values()).filter(p -> p.settings().equals(g)).findFirst().orElse(DEFAULT);
    }

    private static String wires() {
        return Arrays.stream(values()).map(GuardrailPreset::wire).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
