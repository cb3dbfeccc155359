package org.userlm.workbench.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The chat template a local model folder carries ({@code tokenizer_config.json}'s {@code chat_template}: a string,
 * or a list of named templates of which {@code default} is used), read so the settings can show what the in-process
 * engine will render. Blocking: call off the FX thread.
 */
final class FolderTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FolderTemplate() {
    }

    static String read(Path folder) {
        Path config = folder.resolve("tokenizer_config.json");
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("no tokenizer_config.json in " + folder);
        }
        JsonNode t;
        try {
            t = JSON.readTree(config.toFile()).path("chat_template");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (t.isArray()) {
            for (JsonNode named : t) {
                if ("default".equals(named.path("name").asText())) {
                    return named.path("template").asText();
                }
            }
            if (!t.isEmpty()) {
                return t.get(0).path("template").asText();
            }
        }
        throw new IllegalArgumentException(config + " has no chat_template");
    }
}
