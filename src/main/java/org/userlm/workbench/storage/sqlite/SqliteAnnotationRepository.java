package org.userlm.workbench.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.storage.AnnotationRepository;
import org.userlm.workbench.storage.AnnotationRow;

/** {@link AnnotationRepository} on a {@link SqliteDatabase}. */
public final class SqliteAnnotationRepository implements AnnotationRepository {
    private static final String COLUMNS = "a.id, a.schema_id, a.annotator, a.conversation_id, a.turn_idx, "
            + "a.question, a.value_json, a.updated_at";
    private static final String BY_NATURAL_KEY = "SELECT " + COLUMNS + " FROM annotations a WHERE a.annotator = ? "
            + "AND a.conversation_id = ? AND a.turn_idx = ? AND a.question = ?";
    private static final String EXPORT = "SELECT " + COLUMNS + ", c.task_id, c.simulator, c.user_model, "
            + "c.assistant_model, t.role, t.content FROM annotations a "
            + "LEFT JOIN conversations c ON c.id = a.conversation_id "
            + "LEFT JOIN turns t ON t.conversation_id = a.conversation_id AND t.idx = a.turn_idx "
            + "WHERE a.value_json IS NOT NULL AND (? IS NULL OR a.annotator = ?) "
            + "ORDER BY a.annotator, c.created_at, a.conversation_id, a.turn_idx, a.question";

    private final SqliteDatabase db;

    public SqliteAnnotationRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Annotation save(Annotation a) {
        return db.write(c -> {
            Annotation old = byNaturalKey(c, a);
            Annotation stored = a;
            if (old == null) {
                insert(c, a);
            } else {
                stored = new Annotation(old.id(), a.schemaId(), a.annotator(), a.conversationId(), a.turnIndex(),
                        a.questionKey(), a.valueJson(), a.updatedAtMs());
                update(c, stored);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotation_audit "
                    + "(annotation_id, old_value_json, new_value_json, at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, stored.id());
                ps.setString(2, old == null ? null : old.valueJson());
                ps.setString(3, a.valueJson());
                ps.setLong(4, a.updatedAtMs());
                ps.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public ImportResult importAll(Collection<Annotation> annotations) {
        List<Annotation> copy = List.copyOf(annotations);
        return db.write(c -> {
            int inserted = 0;
            int updated = 0;
            int unchanged = 0;
            for (Annotation a : copy) {
                Annotation old = byId(c, a.id());
                if (old == null) {
                    old = byNaturalKey(c, a);
                }
                if (old == null) {
                    insert(c, a);
                    inserted++;
                } else if (a.updatedAtMs() > old.updatedAtMs()) {
                    update(c, new Annotation(old.id(), a.schemaId(), old.annotator(), old.conversationId(),
                            old.turnIndex(), old.questionKey(), a.valueJson(), a.updatedAtMs()));
                    updated++;
                } else {
                    unchanged++;
                }
            }
            return new ImportResult(inserted, updated, unchanged);
        });
    }

    private static Annotation byNaturalKey(Connection c, Annotation a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_NATURAL_KEY)) {
            ps.setString(1, a.annotator());
            ps.setString(2, a.conversationId());
            ps.setInt(3, a.turnIndex());
            ps.setString(4, a.questionKey());
            return first(ps);
        }
    }

    private static Annotation byId(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM annotations a WHERE a.id = ?")) {
            ps.setString(1, id);
            return first(ps);
        }
    }

    private static Annotation first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? map(rs) : null;
        }
    }

    private static void insert(Connection c, Annotation a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotations (id, schema_id, annotator, "
                + "conversation_id, turn_idx, question, value_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.schemaId());
            ps.setString(3, a.annotator());
            ps.setString(4, a.conversationId());
            ps.setInt(5, a.turnIndex());
            ps.setString(6, a.questionKey());
            ps.setString(7, a.valueJson());
            ps.setLong(8, a.updatedAtMs());
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, Annotation a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE annotations SET schema_id = ?, value_json = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, a.schemaId());
            ps.setString(2, a.valueJson());
            ps.setLong(3, a.updatedAtMs());
            ps.setString(4, a.id());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Annotation> find(String annotator, String conversationId) {
        return query("SELECT " + COLUMNS + " FROM annotations a WHERE a.annotator = ? AND a.conversation_id = ? "
                + "AND a.value_json IS NOT NULL ORDER BY a.turn_idx, a.question", annotator, conversationId);
    }

    @Override
    public List<Annotation> all(String annotator) {
        return query("SELECT " + COLUMNS + " FROM annotations a WHERE a.value_json IS NOT NULL "
                + "AND (? IS NULL OR a.annotator = ?) ORDER BY a.conversation_id, a.turn_idx, a.question, a.annotator",
                annotator, annotator);
    }

    private List<Annotation> query(String sql, String... params) {
        return db.read(c -> {
            List<Annotation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<String> annotators() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT annotator FROM annotations "
                    + "WHERE value_json IS NOT NULL ORDER BY annotator");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public List<AnnotationRow> exportRows(String annotator) {
        return db.read(c -> {
            List<AnnotationRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(EXPORT)) {
                ps.setString(1, annotator);
                ps.setString(2, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Annotation a = map(rs);
                        String role = a.turnIndex() == Annotation.CONVERSATION_LEVEL ? "conversation"
                                : rs.getString("role") == null ? null : rs.getString("role").toLowerCase(Locale.ROOT);
                        out.add(new AnnotationRow(a, rs.getString("task_id"), rs.getString("simulator"),
                                rs.getString("user_model"), rs.getString("assistant_model"), role,
                                a.turnIndex() == Annotation.CONVERSATION_LEVEL ? null : rs.getString("content")));
                    }
                }
            }
            return out;
        });
    }

    private static Annotation map(ResultSet rs) throws SQLException {
        return new Annotation(rs.getString("id"), rs.getString("schema_id"), rs.getString("annotator"),
                rs.getString("conversation_id"), rs.getInt("turn_idx"), rs.getString("question"),
                rs.getString("value_json"), rs.getLong("updated_at"));
    }
}
