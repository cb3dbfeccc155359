package org.userlm.workbench.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.storage.ExperimentRepository;

/** {@link ExperimentRepository} on the workbench's SQLite file (migration V005). */
public final class SqliteExperimentRepository implements ExperimentRepository {
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
                                SlotStatus.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), s,
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
    public Optional<AutoCloseable> claim(String experimentId) {
        return ExperimentLocks.claim(db.file(), experimentId);
    }

    @Override
    public boolean isClaimed(String experimentId) {
        return ExperimentLocks.isClaimed(db.file(), experimentId);
    }

    @Override
    public String fingerprint(String experimentId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(updated_at), "
                    + "SUM(status = 'done'), SUM(status = 'failed') FROM experiment_slots WHERE experiment_id = ?")) {
                ps.setString(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4);
                }
            }
        });
    }

    @Override
    public Optional<String> cachedReport(String experimentId, String fingerprint) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM experiment_reports WHERE experiment_id = ? "
                    + "AND fingerprint = ?")) {
                ps.setString(1, experimentId);
                ps.setString(2, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void cacheReport(String experimentId, String fingerprint, String json) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO experiment_reports (experiment_id, "
                    + "fingerprint, json, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, experimentId);
                ps.setString(2, fingerprint);
                ps.setString(3, json);
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<String, Conversation> conversations(String experimentId) {
        return db.read(c -> ExperimentConversationLoader.load(c, experimentId));
    }
}
