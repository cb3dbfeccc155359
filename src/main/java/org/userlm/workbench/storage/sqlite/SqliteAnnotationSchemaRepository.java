package org.userlm.workbench.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.storage.AnnotationSchemaJson;
import org.userlm.workbench.storage.AnnotationSchemaRepository;

/** {@link AnnotationSchemaRepository} on a {@link SqliteDatabase}. */
public final class SqliteAnnotationSchemaRepository implements AnnotationSchemaRepository {
    private final SqliteDatabase db;

    public SqliteAnnotationSchemaRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void save(AnnotationSchema schema) {
        String json = AnnotationSchemaJson.toJson(schema);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO annotation_schemas "
                    + "(id, name, version, json, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, schema.id());
                ps.setString(2, schema.name());
                ps.setInt(3, schema.version());
                ps.setString(4, json);
                ps.setLong(5, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<AnnotationSchema> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM annotation_schemas WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(AnnotationSchemaJson.parse(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AnnotationSchema> list() {
        return db.read(c -> {
            List<AnnotationSchema> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM annotation_schemas ORDER BY name, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AnnotationSchemaJson.parse(rs.getString(1)));
                }
            }
            return out;
        });
    }
}
