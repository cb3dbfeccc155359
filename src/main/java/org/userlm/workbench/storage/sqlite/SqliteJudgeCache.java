package org.userlm.workbench.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.userlm.workbench.storage.JudgeCache;

/** {@link JudgeCache} on the workbench's SQLite file (table {@code judge_cache}, migration V005). */
public final class SqliteJudgeCache implements JudgeCache {
    private final SqliteDatabase db;

    public SqliteJudgeCache(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<String> find(String model, String promptVersion, String inputSha256) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT output FROM judge_cache WHERE model = ? "
                    + "AND prompt_version = ? AND input_sha256 = ?")) {
                ps.setString(1, model);
                ps.setString(2, promptVersion);
                ps.setString(3, inputSha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String model, String promptVersion, String inputSha256, String output) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO judge_cache (model, prompt_version, "
                    + "input_sha256, output, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, model);
                ps.setString(2, promptVersion);
                ps.setString(3, inputSha256);
                ps.setString(4, output);
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
