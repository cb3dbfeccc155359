package org.userlm.workbench.storage.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/** Maps {@link Turn} and {@link GuardrailEvent} rows. */
final class TurnMapper {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TurnMapper() {
    }

    static void upsert(Connection c, String conversationId, Turn t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO turns (conversation_id, idx, role, content, "
                + "raw_text, status, error, started_at, first_token_ms, duration_ms, prompt_tokens, completion_tokens, "
                + "params_json, model, ends_conversation, shard_id, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (conversation_id, idx) DO UPDATE SET role = excluded.role, content = excluded.content, "
                + "raw_text = excluded.raw_text, status = excluded.status, error = excluded.error, "
                + "started_at = excluded.started_at, first_token_ms = excluded.first_token_ms, "
                + "duration_ms = excluded.duration_ms, prompt_tokens = excluded.prompt_tokens, "
                + "completion_tokens = excluded.completion_tokens, params_json = excluded.params_json, "
                + "model = excluded.model, ends_conversation = excluded.ends_conversation, "
                + "shard_id = excluded.shard_id, updated_at = excluded.updated_at")) {
            ps.setString(1, conversationId);
            ps.setInt(2, t.index());
            ps.setString(3, t.role().name());
            ps.setString(4, t.content());
            ps.setString(5, t.rawText());
            ps.setString(6, t.status().name());
            ps.setString(7, t.error());
            ps.setLong(8, t.startedAtMs());
            ps.setObject(9, t.firstTokenMs());
            ps.setObject(10, t.durationMs());
            ps.setObject(11, t.promptTokens());
            ps.setObject(12, t.completionTokens());
            ps.setString(13, paramsJson(t.params()));
            ps.setString(14, t.model());
            ps.setInt(15, t.endsConversation() ? 1 : 0);
            ps.setObject(16, t.shardId());
            ps.setLong(17, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    static void replaceEvents(Connection c, String conversationId, Turn t) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM guardrail_events WHERE conversation_id = ? AND turn_idx = ?")) {
            del.setString(1, conversationId);
            del.setInt(2, t.index());
            del.executeUpdate();
        }
        if (t.guardrailEvents().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO guardrail_events (conversation_id, turn_idx, seq, "
                + "rule, rejected_text, action, detail, attempt) VALUES (?,?,?,?,?,?,?,?)")) {
            int seq = 0;
            for (GuardrailEvent e : t.guardrailEvents()) {
                ps.setString(1, conversationId);
                ps.setInt(2, t.index());
                ps.setInt(3, seq++);
                ps.setString(4, e.rule());
                ps.setString(5, e.rejectedText());
                ps.setString(6, e.action());
                ps.setString(7, e.detail());
                ps.setInt(8, e.attempt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<Turn> load(Connection c, String conversationId) throws SQLException {
        List<Turn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM turns WHERE conversation_id = ? ORDER BY idx")) {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int idx = rs.getInt("idx");
                    out.add(new Turn(idx, Role.valueOf(rs.getString("role")), rs.getString("content"),
                            rs.getString("raw_text"), TurnStatus.valueOf(rs.getString("status")),
                            rs.getString("error"), rs.getLong("started_at"), longOrNull(rs, "first_token_ms"),
                            longOrNull(rs, "duration_ms"), intOrNull(rs, "prompt_tokens"),
                            intOrNull(rs, "completion_tokens"), params(rs.getString("params_json")),
                            rs.getString("model"), events(c, conversationId, idx),
                            rs.getInt("ends_conversation") != 0, intOrNull(rs, "shard_id")));
                }
            }
        }
        return out;
    }

    static List<GuardrailEvent> events(Connection c, String conversationId, int turnIndex) throws SQLException {
        List<GuardrailEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rule, rejected_text, action, detail, attempt "
                + "FROM guardrail_events WHERE conversation_id = ? AND turn_idx = ? ORDER BY seq")) {
            ps.setString(1, conversationId);
            ps.setInt(2, turnIndex);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GuardrailEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
        }
        return out;
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static String paramsJson(GenerationParams p) throws SQLException {
        if (p == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise generation parameters", e);
        }
    }

    private static GenerationParams params(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, GenerationParams.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored generation parameters are not valid JSON: " + json, e);
        }
    }
}
