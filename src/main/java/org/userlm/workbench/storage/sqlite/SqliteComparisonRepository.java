package org.userlm.workbench.storage.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.ComparisonEntry;
import org.userlm.workbench.domain.Judgment;
import org.userlm.workbench.domain.JudgmentWinner;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.StorageException;

/** {@link ComparisonRepository} on the workbench's SQLite file (migration V003). */
public final class SqliteComparisonRepository implements ComparisonRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SELECT = "SELECT id, run_id, task_id, title, assistant_json, profiles_json, repeats, "
            + "max_user_turns, created_at FROM comparisons ";
    private static final String SELECT_JUDGMENT = "SELECT id, comparison_id, task_id, left_conversation_id, "
            + "right_conversation_id, left_profile, right_profile, turn_index, winner, judge, created_at "
            + "FROM judgments ";

    private final SqliteDatabase db;

    public SqliteComparisonRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void create(Comparison cmp) {
        String assistant = json(cmp.assistant(), "comparison " + cmp.id());
        String profiles = json(cmp.profiles(), "comparison " + cmp.id());
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO comparisons (id, run_id, task_id, title, "
                    + "assistant_json, profiles_json, repeats, max_user_turns, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, cmp.id());
                ps.setString(2, cmp.runId());
                ps.setString(3, cmp.taskId());
                ps.setString(4, cmp.title());
                ps.setString(5, assistant);
                ps.setString(6, profiles);
                ps.setInt(7, cmp.repeats());
                ps.setInt(8, cmp.maxUserTurns());
                ps.setLong(9, cmp.createdAtMs());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void addEntry(String comparisonId, ComparisonEntry e) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO comparison_columns "
                    + "(comparison_id, conversation_id, col, repeat_idx) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, comparisonId);
                ps.setString(2, e.conversationId());
                ps.setInt(3, e.column());
                ps.setInt(4, e.repeat());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Comparison> find(String comparisonId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE id = ?")) {
                ps.setString(1, comparisonId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(comparison(rs)) : Optional.<Comparison>empty();
                }
            }
        });
    }

    @Override
    public List<ComparisonEntry> entries(String comparisonId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, col, repeat_idx "
                    + "FROM comparison_columns WHERE comparison_id = ? ORDER BY col, repeat_idx")) {
                ps.setString(1, comparisonId);
                List<ComparisonEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ComparisonEntry(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Comparison> list() {
        return db.read(c -> {
            List<Comparison> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY created_at DESC, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(comparison(rs));
                }
            }
            return out;
        });
    }

    @Override
    public void saveJudgment(Judgment j) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO judgments (id, comparison_id, task_id, "
                    + "left_conversation_id, right_conversation_id, left_profile, right_profile, turn_index, winner, "
                    + "judge, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, j.id());
                ps.setString(2, j.comparisonId());
                ps.setString(3, j.taskId());
                ps.setString(4, j.leftConversationId());
                ps.setString(5, j.rightConversationId());
                ps.setString(6, j.leftProfile());
                ps.setString(7, j.rightProfile());
                ps.setObject(8, j.turnIndex());
                ps.setString(9, j.winner().wire());
                ps.setString(10, j.judge());
                ps.setLong(11, j.createdAtMs());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Judgment> judgments() {
        return queryJudgments(SELECT_JUDGMENT + "ORDER BY created_at, id", null);
    }

    @Override
    public List<Judgment> judgments(String comparisonId) {
        return queryJudgments(SELECT_JUDGMENT + "WHERE comparison_id = ? ORDER BY created_at, id", comparisonId);
    }

    private List<Judgment> queryJudgments(String sql, String arg) {
        return db.read(c -> {
            List<Judgment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object turn = rs.getObject(8);
                        out.add(new Judgment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                turn == null ? null : ((Number) turn).intValue(),
                                JudgmentWinner.fromWire(rs.getString(9)), rs.getString(10), rs.getLong(11)));
                    }
                }
            }
            return out;
        });
    }

    private static Comparison comparison(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            AssistantSettings a = JSON.readValue(rs.getString("assistant_json"), AssistantSettings.class);
            List<SimulatorSettings> p = JSON.readValue(rs.getString("profiles_json"),
                    new TypeReference<List<SimulatorSettings>>() { });
            return new Comparison(id, rs.getString("run_id"), rs.getString("task_id"), rs.getString("title"), a, p,
                    rs.getInt("repeats"), rs.getInt("max_user_turns"), rs.getLong("created_at"));
        } catch (JsonProcessingException e) {
            throw new StorageException("comparison " + id + " has unreadable settings: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value, String entity) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot serialise the settings of " + entity, e);
        }
    }
}
