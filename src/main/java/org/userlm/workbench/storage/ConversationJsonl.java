package org.userlm.workbench.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/**
 * The JSON Lines export (one object per conversation). Field names are a contract: {@code id}, {@code task_id},
 * {@code simulator}, {@code user_model}, {@code assistant_model}, {@code ended_by}, {@code turns} of
 * {@code {role, content, status, guardrail_events: [{rule, rejected_text}]}}; more fields may be added.
 * Never contains API keys (settings hold only the names of environment variables).
 */
public final class ConversationJsonl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationJsonl() {
    }

    /** One conversation as a JSON object. */
    public static ObjectNode toJson(Conversation c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.id());
        o.put("task_id", c.taskId());
        o.put("simulator", c.simulator());
        o.put("user_model", c.userModel());
        o.put("assistant_model", c.assistantModel());
        // A conversation interrupted by a crash has no reason yet; it did not end normally.
        o.put("ended_by", c.endedBy() == null ? "error" : c.endedBy().wire());
        o.put("run_id", c.runId());
        o.put("title", c.title());
        o.put("intent", c.intent());
        o.put("assistant_system_prompt", c.assistantSystemPrompt());
        o.put("parent_id", c.parentId());
        if (c.forkIndex() != null) {
            o.put("fork_index", c.forkIndex());
        }
        o.put("created_at", c.createdAtMs());
        ArrayNode turns = o.putArray("turns");
        for (Turn t : c.turns()) {
            turns.add(turn(t));
        }
        return o;
    }

    private static ObjectNode turn(Turn t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("role", t.role().wire());
        o.put("content", t.content());
        // Turns left streaming by a crash were not finished: export them as failed.
        o.put("status", t.status().isFinal() ? t.status().wire() : TurnStatus.FAILED.wire());
        ArrayNode events = o.putArray("guardrail_events");
        for (GuardrailEvent e : t.guardrailEvents()) {
            ObjectNode ev = events.addObject();
            ev.put("rule", e.rule());
            ev.put("rejected_text", e.rejectedText());
            ev.put("action", e.action());
            ev.put("detail", e.detail());
            ev.put("attempt", e.attempt());
        }
        o.put("index", t.index());
        if (t.error() != null) {
            o.put("error", t.error());
        }
        o.put("model", t.model());
        o.put("ends_conversation", t.endsConversation());
        if (t.shardId() != null) {
            o.put("shard_id", t.shardId());
        }
        o.put("started_at", t.startedAtMs());
        putIfSet(o, "first_token_ms", t.firstTokenMs());
        putIfSet(o, "duration_ms", t.durationMs());
        putIfSet(o, "prompt_tokens", t.promptTokens());
        putIfSet(o, "completion_tokens", t.completionTokens());
        if (t.params() != null) {
            o.set("params", JSON.valueToTree(t.params()));
        }
        return o;
    }

    private static void putIfSet(ObjectNode o, String name, Number n) {
        if (n != null) {
            o.put(name, n.longValue());
        }
    }

    /** Writes one conversation as one line, without flushing (streamed exports). */
    public static void writeLine(Conversation c, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(toJson(c)));
        out.write('\n');
    }

    /** Writes one line per conversation. */
    public static void write(Iterable<Conversation> conversations, Writer out) throws IOException {
        for (Conversation c : conversations) {
            out.write(JSON.writeValueAsString(toJson(c)));
            out.write('\n');
        }
        out.flush();
    }
}
