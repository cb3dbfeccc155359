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
import java.util.Optional;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.ExperimentRepository;

/** {@link ExperimentRepository} on the workbench's SQLite file (migration V005). */
public final class SqliteExperimentRepository implements ExperimentRepository {
    private static final String FINISHED = "s.experiment_id = ? AND s.status IN ('done', 'failed')";

    private final SqliteDatabase db;

    public SqliteExperimentRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean create(Experiment e, List<ExperimentCell> cells) {
        return db.write(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO experiments (id, name, config_json, "
                    + "run_id, status, heartbeat_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.id());
                ps.setString(2, e.name());
                ps.setString(3, e.configJson());
                ps.setString(4, e.runId());
                ps.setString(5, e.status().wire());
                ps.setLong(6, e.heartbeatMs());
                ps.setLong(7, e.createdAtMs());
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO experiment_cells (experiment_id, "
                    + "cell_idx, simulator, assistant) VALUES (?, ?, ?, ?)")) {
                for (ExperimentCell cell : cells) {
                    ps.setString(1, e.id());
                    ps.setInt(2, cell.index());
                    ps.setString(3, cell.simulator());
                    ps.setString(4, cell.assistant());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return n == 1;
        });
    }

    @Override
    public int plan(String experimentId, List<ExperimentSlot> slots) {
        return db.write(c -> {
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO experiment_slots (experiment_id, "
                    + "cell_idx, task_id, run_idx, status, updated_at) VALUES (?, ?, ?, ?, 'planned', ?)")) {
                long now = System.currentTimeMillis();
                for (ExperimentSlot s : slots) {
                    ps.setString(1, experimentId);
                    ps.setInt(2, s.cell());
                    ps.setString(3, s.taskId());
                    ps.setInt(4, s.run());
                    ps.setLong(5, now);
                    added += ps.executeUpdate();
                }
            }
            return added;
        });
    }

    @Override
    public Optional<Experiment> find(String experimentId) {
        List<Experiment> l = db.read(c -> experiments(c, "WHERE id = ?", experimentId));
        return l.stream().findFirst();
    }

    @Override
    public List<Experiment> list() {
        return db.read(c -> experiments(c, "ORDER BY created_at DESC, id", null));
    }

    private static List<Experiment> experiments(Connection c, String where, String param) throws SQLException {
        List<Experiment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, config_json, run_id, status, heartbeat_at, "
                + "created_at FROM experiments " + where)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Experiment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Experiment.Status.fromWire(rs.getString(5)), rs.getLong(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    @Override
    public List<ExperimentCell> cells(String experimentId) {
        return db.read(c -> {
            List<ExperimentCell> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cell_idx, simulator, assistant FROM experiment_cells "
                    + "WHERE experiment_id = ? ORDER BY cell_idx")) {
                ps.setString(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExperimentCell(rs.getInt(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<ExperimentSlot> slots(String experimentId) {
        return db.read(c -> {
            List<ExperimentSlot> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cell_idx, task_id, run_idx, conversation_id, status, "
                    + "solved, error_kind, error FROM experiment_slots WHERE experiment_id = ? "
                    + "ORDER BY cell_idx, task_id, run_idx")) {
                ps.setString(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int solved = rs.getInt(6);
                        Boolean s = rs.wasNull() ? null : solved != 0;
                        out.add(new ExperimentSlot(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                SlotStatus.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)), s,
                                rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int resetUnfinished(String experimentId) {
        return db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM conversations WHERE id IN (SELECT "
                    + "conversation_id FROM experiment_slots WHERE experiment_id = ? AND status = 'running')")) {
                del.setString(1, experimentId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiment_slots SET status = 'planned', "
                    + "conversation_id = NULL, updated_at = ? WHERE experiment_id = ? AND status = 'running'")) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setString(2, experimentId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void markRunning(String experimentId, ExperimentSlot s, String conversationId) {
        update(experimentId, s, "status = 'running', conversation_id = ?", conversationId);
    }

    @Override
    public void markFinished(String experimentId, ExperimentSlot s) {
        update(experimentId, s, "status = ?, solved = ?, gradeable = ?, error_kind = ?, error = ?", s.status().wire(),
                s.solved() == null ? null : s.solved() ? 1 : 0, s.solved() == null ? 0 : 1, s.errorKind(), s.error());
    }

    @Override
    public void unplan(String experimentId, ExperimentSlot s) {
        db.write(c -> {
            deleteConversation(c, s.conversationId());
            return null;
        });
        update(experimentId, s, "status = 'planned', conversation_id = NULL, solved = NULL, error_kind = NULL, "
                + "error = NULL");
    }

    private static void deleteConversation(Connection c, String id) throws SQLException {
        if (id == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private void update(String experimentId, ExperimentSlot s, String set, Object... params) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiment_slots SET " + set + ", updated_at = ? "
                    + "WHERE experiment_id = ? AND cell_idx = ? AND task_id = ? AND run_idx = ?")) {
                int i = 1;
                for (Object p : params) {
                    ps.setObject(i++, p);
                }
                ps.setLong(i++, System.currentTimeMillis());
                ps.setString(i++, experimentId);
                ps.setInt(i++, s.cell());
                ps.setString(i++, s.taskId());
                ps.setInt(i, s.run());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void setStatus(String experimentId, Experiment.Status status) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiments SET status = ?, heartbeat_at = ? "
                    + "WHERE id = ?")) {
                ps.setString(1, status.wire());
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, experimentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void heartbeat(String experimentId, long nowMs) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiments SET heartbeat_at = ? WHERE id = ?")) {
                ps.setLong(1, nowMs);
                ps.setString(2, experimentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<String, Conversation> conversations(String experimentId) {
        return db.read(c -> {
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
        });
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
