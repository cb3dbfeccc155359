package org.userlm.workbench.domain;

import java.util.Objects;

/**
 * A user simulator profile.
 *
 * @param name            display name ("UserLM-8b + guardrails")
 * @param kind            which simulator
 * @param backend         the model that plays the user (unused for HUMAN)
 * @param params          sampling parameters
 * @param guardrails      guardrail settings (USERLM only)
 * @param userPrompt      the system prompt of the PROMPTED / SHARDED simulator; {@code {intent}} and
 *                        {@code {shards}} are substituted; null for the shipped default
 * @param intentTemplate  template that turns a task into an intent; null for the shipped default
 */
public record SimulatorSettings(String name, SimulatorKind kind, BackendSettings backend, GenerationParams params,
                                GuardrailSettings guardrails, String userPrompt, String intentTemplate) {
    public SimulatorSettings {
        Objects.requireNonNull(kind, "kind");
        if (params == null) {
            params = kind == SimulatorKind.USERLM ? GenerationParams.userLmCard()
                    : kind == SimulatorKind.SHARDED ? GenerationParams.licSharded() : GenerationParams.assistantDefault();
        }
        if (guardrails == null) {
            guardrails = GuardrailSettings.defaults();
        }
        if (name == null || name.isBlank()) {
            name = kind.wire();
        }
    }
}
