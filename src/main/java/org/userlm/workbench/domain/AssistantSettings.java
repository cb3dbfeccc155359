package org.userlm.workbench.domain;

/**
 * The assistant under test.
 *
 * @param name          display name
 * @param backend       where it runs
 * @param params        sampling parameters
 * @param systemPrompt  its system prompt; null for the per-task-kind default
 */
public record AssistantSettings(String name, BackendSettings backend, GenerationParams params, String systemPrompt) {
    public AssistantSettings {
        if (params == null) {
            params = GenerationParams.assistantDefault();
        }
    }
}
