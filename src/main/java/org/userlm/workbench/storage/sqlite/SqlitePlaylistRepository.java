package org.userlm.workbench.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.Playlist;
import org.userlm.workbench.storage.PlaylistRepository;

/** {@link PlaylistRepository} on the workbench's SQLite file (migration V006). */
public final class SqlitePlaylistRepository implements PlaylistRepository {
    private final SqliteDatabase db;

    public SqlitePlaylistRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Playlist p) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO playlists (id, name, words_per_minute, "
                    + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    + "words_per_minute = excluded.words_per_minute")) {
                ps.setString(1, p.id());
                ps.setString(2, p.name());
                ps.setInt(3, p.wordsPerMinute());
                ps.setLong(4, p.createdAtMs());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM playlist_slides WHERE playlist_id = ?")) {
                ps.setString(1, p.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO playlist_slides (playlist_id, position, "
                    + "conversation_id, caption) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < p.slides().size(); i++) {
                    ps.setString(1, p.id());
                    ps.setInt(2, i);
                    ps.setString(3, p.slides().get(i).conversationId());
                    ps.setString(4, p.slides().get(i).caption());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Playlist> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, words_per_minute, created_at "
                    + "FROM playlists WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(c, rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Playlist> list() {
        return db.read(c -> {
            List<Playlist> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, words_per_minute, created_at "
                    + "FROM playlists ORDER BY created_at DESC, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(c, rs));
                }
            }
            return out;
        });
    }

    @Override
    public void delete(String id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM playlists WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Playlist map(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<Playlist.Slide> slides = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, caption FROM playlist_slides "
                + "WHERE playlist_id = ? ORDER BY position")) {
            ps.setString(1, id);
            try (ResultSet s = ps.executeQuery()) {
                while (s.next()) {
                    slides.add(new Playlist.Slide(s.getString(1), s.getString(2)));
                }
            }
        }
        return new Playlist(id, rs.getString(2), rs.getInt(3), slides, rs.getLong(4));
    }
}
