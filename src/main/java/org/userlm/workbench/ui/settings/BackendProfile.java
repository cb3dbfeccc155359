package org.userlm.workbench.ui.settings;

import java.util.List;

/**
 * A saved model profile: where a model lives. Holds the name of the API-key environment variable, never a key.
 * {@code chatTemplate} (the completions endpoint's Jinja override) was added later: older profile files lack it and
 * load with null.
 */
public record BackendProfile(String name, BackendChoice kind, String baseUrl, String model, String apiKeyEnv,
                             String localPath, String chatTemplate) {

    /** A profile without a chat-template override. */
    public BackendProfile(String name, BackendChoice kind, String baseUrl, String model, String apiKeyEnv,
                          String localPath) {
        this(name, kind, baseUrl, model, apiKeyEnv, localPath, null);
    }

    /** Profiles that ship with the workbench. */
    public static List<BackendProfile> builtIns() {
        return List.of(
                new BackendProfile("Demo (offline, scripted)", BackendChoice.DEMO, "demo://scripted", "demo-model",
                        null, null),
                new BackendProfile("vLLM · UserLM-8b on localhost:8000", BackendChoice.OPENAI_CHAT,
                        "http://127.0.0.1:8000/v1", "microsoft/UserLM-8b", null, null),
                new BackendProfile("vLLM · assistant on localhost:8001", BackendChoice.OPENAI_CHAT,
                        "http://127.0.0.1:8001/v1", "meta-llama/Llama-3.1-8B-Instruct", null, null),
                new BackendProfile("OpenAI · gpt-4o-mini", BackendChoice.OPENAI_CHAT, "https://api.openai.com/v1",
                        "gpt-4o-mini", "OPENAI_API_KEY", null),
                new BackendProfile("Local folder · models/UserLM-8b", BackendChoice.LOCAL, null, "UserLM-8b", null,
                        "models/UserLM-8b"));
    }

    @Override
    public String toString() {
        return name;
    }
}
