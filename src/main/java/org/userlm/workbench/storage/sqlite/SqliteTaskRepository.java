package org.userlm.workbench.storage.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.TaskRepository;

/** {@link TaskRepository} on a {@link SqliteDatabase}; a task is stored whole as JSON. */
public final class SqliteTaskRepository implements TaskRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final SqliteDatabase db;

    public SqliteTaskRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void upsert(List<Task> tasks) {
        List<Task> copy = List.copyOf(tasks);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, kind, source, title, json, "
                    + "imported_at) VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
                    + "source = excluded.source, title = excluded.title, json = excluded.json")) {
                long now = System.currentTimeMillis();
                for (Task t : copy) {
                    ps.setString(1, t.id());
                    ps.setString(2, t.kind().wire());
                    ps.setString(3, t.source());
                    ps.setString(4, t.title());
                    ps.setString(5, toJson(t));
                    ps.setLong(6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Task> all() {
        return db.read(c -> {
            List<Task> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, json FROM tasks ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(JSON.readValue(rs.getString(2), Task.class));
                    } catch (JsonProcessingException e) {
                        throw new StorageException("task " + rs.getString(1) + " is stored as invalid JSON", e);
                    }
                }
            }
            return out;
        });
    }

    private static String toJson(Task t) {
        try {
            return JSON.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot serialise task " + t.id(), e);
        }
    }
}
