package org.userlm.workbench.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.SpecialTokenText;

/**
 * Builds the JSON bodies of {@code /chat/completions} and {@code /completions} requests. Only fields that are set
 * are sent, so the server's defaults apply to the rest. Immutable and thread-safe.
 */
final class RequestBodies {
    private final ObjectMapper json;
    private final String model;
    private final OpenAiOptions options;

    RequestBodies(ObjectMapper json, String model, OpenAiOptions options) {
        this.json = json;
        this.model = model;
        this.options = options;
    }

    /** A chat body: {@code messages} with wire role names, special-token text in content neutralised. */
    ObjectNode chat(GenerationRequest request) {
        ObjectNode body = common();
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().wire())
                    .put("content", SpecialTokenText.neutralise(m.content(), List.of()));
        }
        return finish(body, request);
    }

    /** A completions body with an already rendered prompt. */
    ObjectNode completion(GenerationRequest request, String prompt) {
        ObjectNode body = common();
        body.put("prompt", prompt);
        return finish(body, request);
    }

    private ObjectNode common() {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        return body;
    }

    private ObjectNode finish(ObjectNode body, GenerationRequest request) {
        body.put("stream", options.streaming());
        if (options.streaming() && options.includeUsage()) {
            body.putObject("stream_options").put("include_usage", true);
        }
        sampling(body, request.params());
        if (!request.stopStrings().isEmpty()) {
            putStrings(body, "stop", request.stopStrings());
        }
        List<String> banned = request.constraints().bannedStrings();
        if (options.serverBans() && !banned.isEmpty()) {
            putStrings(body, "bad_words", banned);
        }
        mergeExtra(body, options.extraBody());
        return body;
    }

    private static void sampling(ObjectNode body, GenerationParams p) {
        if (p.temperature() != null) {
            body.put("temperature", p.temperature());
        }
        if (p.topP() != null) {
            body.put("top_p", p.topP());
        }
        if (p.topK() != null && p.topK() > 0) {
            body.put("top_k", p.topK());
        }
        if (p.maxNewTokens() != null) {
            body.put("max_tokens", p.maxNewTokens());
        }
        if (p.seed() != null) {
            body.put("seed", p.seed());
        }
    }

    private static void putStrings(ObjectNode body, String field, List<String> values) {
        ArrayNode a = body.putArray(field);
        values.forEach(a::add);
    }

    private void mergeExtra(ObjectNode body, Map<String, Object> extra) {
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            JsonNode value = json.valueToTree(e.getValue());
            JsonNode existing = body.get(e.getKey());
            if (existing != null && existing.isArray() && value.isArray()) {
                ArrayNode merged = ((ArrayNode) existing).deepCopy();
                value.forEach(v -> {
                    if (!contains(merged, v)) {
                        merged.add(v);
                    }
                });
                body.set(e.getKey(), merged);
            } else {
                body.set(e.getKey(), value);
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode v) {
        for (JsonNode x : array) {
            if (x.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
