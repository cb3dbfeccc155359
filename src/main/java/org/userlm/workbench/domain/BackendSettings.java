package org.userlm.workbench.domain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a model lives. The API key itself is never stored: only the name of the environment variable
 * that holds it.
 *
 * @param kind            chat endpoint, completions endpoint or local folder
 * @param baseUrl         OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:8000/v1} (remote kinds)
 * @param model           model name sent to the server, or a display name for local models
 * @param apiKeyEnv       name of the environment variable holding the API key, or null
 * @param localPath       model folder (LOCAL), or for OPENAI_COMPLETIONS an optional folder whose
 *                        {@code tokenizer_config.json} chat template is used
 * @param timeoutSeconds  connect and idle-read timeout
 * @param chatTemplate    an explicit Jinja chat template (OPENAI_COMPLETIONS), or null for the default
 * @param extraBodyJson   a JSON object merged into every request body (e.g. vLLM's
 *                        {@code {"skip_special_tokens": false}}), or null
 * @param serverBans      send sampling-time bans the server understands (vLLM {@code bad_words})
 */
public record BackendSettings(BackendKind kind, String baseUrl, String model, String apiKeyEnv,
                              String localPath, int timeoutSeconds, String chatTemplate, String extraBodyJson,
                              boolean serverBans) {
    public BackendSettings {
        Objects.requireNonNull(kind, "kind");
        baseUrl = UrlCredentials.strip(baseUrl);
        if (timeoutSeconds <= 0) {
            timeoutSeconds = 120;
        }
    }

    /** An OpenAI-compatible chat endpoint. */
    public static BackendSettings openAiChat(String baseUrl, String model) {
        return new BackendSettings(BackendKind.OPENAI_CHAT, baseUrl, model, null, null, 120, null, null, false);
    }

    /** A local model folder. */
    public static BackendSettings local(String path) {
        return new BackendSettings(BackendKind.LOCAL, null, Path.of(path).getFileName().toString(),
                null, path, 120, null, null, false);
    }

    /** A copy with another extra body and server-ban setting. */
    public BackendSettings withServerOptions(String extraBody, boolean bans) {
        return new BackendSettings(kind, baseUrl, model, apiKeyEnv, localPath, timeoutSeconds, chatTemplate, extraBody,
                bans);
    }

    /** A short label for status bars and exports ("model @ host" or the folder name). */
    public String label() {
        return kind == BackendKind.LOCAL ? model + " (local)" : model + " @ " + baseUrl;
    }
}
