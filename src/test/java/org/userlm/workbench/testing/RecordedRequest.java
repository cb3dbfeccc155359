package org.userlm.workbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.inference.ChatMessage;

/**
 * One request received by a {@link ScriptedOpenAiServer}, with helpers for the fields tests look at.
 *
 * @param method   {@code POST} or {@code GET}
 * @param path     the request path, e.g. {@code /v1/chat/completions}
 * @param headers  header names in lower case, first value only
 * @param body     the JSON body (an empty object when there was none or it was not JSON)
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The header's first value (name case-insensitive), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code model} field, or null. */
    public String model() {
        return text("model");
    }

    /** Whether the request asked for a stream ({@code stream: true}). */
    public boolean stream() {
        return body.path("stream").asBoolean(false);
    }

    /** Whether this is a {@code /chat/completions} request. */
    public boolean isChat() {
        return path.endsWith("/chat/completions");
    }

    /** Whether this is a {@code /completions} (raw prompt) request. */
    public boolean isCompletion() {
        return path.endsWith("/completions") && !isChat();
    }

    /** The chat {@code messages} (empty for other requests). */
    public List<ChatMessage> messages() {
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            out.add(new ChatMessage(Role.fromWire(m.path("role").asText()), m.path("content").asText()));
        }
        return List.copyOf(out);
    }

    /** The content of the last chat message, or null when there is none. */
    public String lastMessage() {
        List<ChatMessage> ms = messages();
        return ms.isEmpty() ? null : ms.get(ms.size() - 1).content();
    }

    /** The completions {@code prompt}, or null. */
    public String prompt() {
        return text("prompt");
    }

    /** A top-level field of the body, or null when absent (e.g. {@code field("top_k")}). */
    public JsonNode field(String name) {
        return body.get(name);
    }

    /** Whether the body has this top-level field. */
    public boolean has(String name) {
        return body.has(name);
    }

    /** A top-level array of strings (e.g. {@code stop}, {@code bad_words}); empty when absent. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        body.path(name).forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private String text(String name) {
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }
}
