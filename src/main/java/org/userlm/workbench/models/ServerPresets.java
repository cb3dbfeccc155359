package org.userlm.workbench.models;

import java.util.List;

/** OpenAI-compatible servers researchers already run, with their default base URLs. */
public final class ServerPresets {
    private ServerPresets() {
    }

    /**
     * One server kind.
     *
     * @param id        short id
     * @param name      display name
     * @param baseUrl   default base URL (ends in /v1)
     * @param apiKeyEnv environment variable that holds the key, or null when none is needed
     * @param howToStart one line on starting it
     */
    public record Preset(String id, String name, String baseUrl, String apiKeyEnv, String howToStart) {
    }

    /** vLLM, Ollama, LM Studio, llama.cpp and a hosted API, in that order. */
    public static List<Preset> all() {
        return List.of(
                new Preset("vllm", "vLLM", "http://127.0.0.1:8000/v1", null,
                        "vllm serve microsoft/UserLM-8b --port 8000"),
                new Preset("ollama", "Ollama", "http://127.0.0.1:11434/v1", null, "ollama serve"),
                new Preset("lmstudio", "LM Studio", "http://127.0.0.1:1234/v1", null,
                        "LM Studio > Developer > Start server (port 1234)"),
                new Preset("llamacpp", "llama.cpp", "http://127.0.0.1:8080/v1", null,
                        "llama-server -m model.gguf --port 8080"),
                new Preset("hosted", "Hosted API (OpenAI-compatible)", "https://api.openai.com/v1",
                        "OPENAI_API_KEY", "set OPENAI_API_KEY; the key is read from the environment, never stored"));
    }
}
