package org.userlm.workbench.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;

/**
 * Reads real conversations exported as JSON Lines in the OpenAI messages format (PRISM / WildChat-style exports):
 * one conversation per line, either {@code {"messages": [{"role", "content"}, ...]}}, {@code {"conversation": [...]}}
 * or a bare array of messages. {@code system} messages are kept apart; other roles than user/assistant are skipped;
 * consecutive messages of the same role are joined. Blank lines are skipped.
 */
public final class MessagesJsonl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessagesJsonl() {
    }

    /**
     * One real conversation.
     *
     * @param id     the line's {@code id} / {@code conversation_id} / {@code conversation_hash}, else {@code line-N}
     * @param system the system message, or null
     * @param turns  user and assistant turns, alternating, as typed turns
     */
    public record RealConversation(String id, String system, List<Turn> turns) {
        public RealConversation {
            turns = List.copyOf(turns);
        }

        /** Number of user turns. */
        public long userTurns() {
            return turns.stream().filter(t -> t.role() == Role.USER).count();
        }
    }

    /** Reads every conversation; a malformed line is an {@link IOException} naming its line number. */
    public static List<RealConversation> read(Reader in) throws IOException {
        List<RealConversation> out = new ArrayList<>();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException("line " + n + ": not JSON", e);
            }
            JsonNode messages = node.isArray() ? node : node.has("messages") ? node.get("messages")
                    : node.get("conversation");
            if (messages == null || !messages.isArray()) {
                throw new IOException("line " + n + ": no \"messages\" array");
            }
            out.add(parse(node, messages, n));
        }
        return out;
    }

    private static RealConversation parse(JsonNode node, JsonNode messages, int line) throws IOException {
        String id = node.isObject() ? firstText(node, "id", "conversation_id", "conversation_hash") : null;
        String system = null;
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : messages) {
            String role = m.path("role").asText("").toLowerCase(Locale.ROOT);
            JsonNode c = m.get("content");
            String content = c == null || c.isNull() ? "" : c.isTextual() ? c.asText() : textParts(c);
            if (role.equals("system")) {
                system = content;
                continue;
            }
            Role r = role.equals("user") ? Role.USER : role.equals("assistant") ? Role.ASSISTANT : null;
            if (r == null) {
                continue;
            }
            if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == r) {
                Turn last = turns.remove(turns.size() - 1);
                turns.add(Turn.typed(last.index(), r, last.content() + "\n\n" + content));
            } else {
                turns.add(Turn.typed(turns.size(), r, content));
            }
        }
        if (turns.isEmpty() || turns.get(0).role() != Role.USER) {
            throw new IOException("line " + line + ": a conversation must start with a user message");
        }
        return new RealConversation(id != null ? id : "line-" + line, system, turns);
    }

    private static String firstText(JsonNode node, String... keys) {
        for (String k : keys) {
            if (node.hasNonNull(k)) {
                return node.get(k).asText();
            }
        }
        return null;
    }

    /** OpenAI's content parts: the text parts joined. */
    private static String textParts(JsonNode parts) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : parts) {
            if (p.path("type").asText().equals("text")) {
                sb.append(sb.length() == 0 ? "" : "\n").append(p.path("text").asText());
            }
        }
        return sb.toString();
    }
}
