package org.userlm.workbench.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/**
 * Loads an experiment's finished conversations in three queries (headers, turns, guardrail events) instead of
 * several per conversation. Turns carry no raw text, timings or parameters (the metrics do not use them).
 */
final class ExperimentConversationLoader {
    private static final String FINISHED = "s.experiment_id = ? AND s.status IN ('done', 'failed')";

    private ExperimentConversationLoader() {
    }

    static Map<String, Conversation> load(Connection c, String experimentId) throws SQLException {
        {
            Map<String, Conversation> headers = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.run_id, c.task_id, c.title, c.simulator, "
                    + "c.user_model, c.assistant_model, c.intent, c.ended_by, c.created_at FROM conversations c "
                    + "JOIN experiment_slots s ON s.conversation_id = c.id WHERE " + FINISHED)) {
                ps.setString(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ended = rs.getString(9);
                        headers.put(rs.getString(1), new Conversation(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), null, null, ended == null ? null : EndReason.fromWire(ended), null,
                                null, rs.getLong(10), List.of()));
                    }
                }
            }
            Map<String, List<GuardrailEvent>> events = events(c, experimentId);
            Map<String, List<Turn>> turns = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.conversation_id, t.idx, t.role, t.content, "
                    + "t.status, t.error, t.started_at, t.model, t.ends_conversation, t.shard_id FROM turns t "
                    + "JOIN experiment_slots s ON s.conversation_id = t.conversation_id WHERE " + FINISHED
                    + " ORDER BY t.conversation_id, t.idx")) {
                ps.setString(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        int idx = rs.getInt(2);
                        int shard = rs.getInt(10);
                        Integer shardId = rs.wasNull() ? null : shard;
                        turns.computeIfAbsent(id, k -> new ArrayList<>()).add(new Turn(idx,
                                Role.valueOf(rs.getString(3)), rs.getString(4), null,
                                TurnStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7), null, null, null,
                                null, null, rs.getString(8), events.getOrDefault(id + "#" + idx, List.of()),
                                rs.getInt(9) != 0, shardId));
                    }
                }
            }
            Map<String, Conversation> out = new LinkedHashMap<>();
            headers.forEach((id, h) -> out.put(id, h.withTurns(turns.getOrDefault(id, List.of()))));
            return out;
        }
    }

    private static Map<String, List<GuardrailEvent>> events(Connection c, String experimentId) throws SQLException {
        Map<String, List<GuardrailEvent>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT g.conversation_id, g.turn_idx, g.rule, g.action, "
                + "g.detail, g.attempt FROM guardrail_events g JOIN experiment_slots s "
                + "ON s.conversation_id = g.conversation_id WHERE " + FINISHED + " ORDER BY g.conversation_id, "
                + "g.turn_idx, g.seq")) {
            ps.setString(1, experimentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1) + "#" + rs.getInt(2), k -> new ArrayList<>())
                            .add(new GuardrailEvent(rs.getString(3), null, rs.getString(4), rs.getString(5),
                                    rs.getInt(6)));
                }
            }
        }
        return out;
    }
}
