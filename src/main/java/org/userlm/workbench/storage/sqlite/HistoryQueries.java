package org.userlm.workbench.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.userlm.workbench.domain.Conversation;

/**
 * The queries that must stay fast with 100,000 conversations (measured by {@code bench-store}): the newest page
 * of history off the {@code conversations_recent} index, full-text search that stops after a page of matching
 * conversations, and an export that walks the table with a cursor instead of loading it.
 */
final class HistoryQueries {
    private HistoryQueries() {
    }

    /** Maps the current conversations row to a header (no turns). */
    @FunctionalInterface
    interface Header {
        Conversation map(ResultSet rs) throws SQLException;
    }

    /** The newest live conversation ids, newest first. */
    static List<String> recentIds(Connection c, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM conversations WHERE deleted_at IS NULL "
                + "ORDER BY created_at DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Ids of up to {@code limit} live conversations with a turn matching the FTS5 query, the most recently written
     * matching turn first. The match runs over windows of turn rowids, newest first, each twice as wide as the one
     * before, and stops once enough distinct conversations are found: a word in every turn is answered from the
     * newest few thousand turns instead of a walk over a million matches, and a rare word costs about 20 window
     * queries that each seek straight to their range.
     */
    static List<String> matchingIds(Connection c, String ftsQuery, int limit) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        long hi;
        try (PreparedStatement ps = c.prepareStatement("SELECT max(rowid) FROM turns");
             ResultSet rs = ps.executeQuery()) {
            hi = rs.next() ? rs.getLong(1) + 1 : 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT t.conversation_id, cv.deleted_at FROM turns_fts f "
                + "JOIN turns t ON t.rowid = f.rowid JOIN conversations cv ON cv.id = t.conversation_id "
                + "WHERE turns_fts MATCH ? AND f.rowid >= ? AND f.rowid < ? ORDER BY f.rowid DESC")) {
            long width = 4096;
            while (hi > 0 && ids.size() < limit) {
                long lo = Math.max(0, hi - width);
                ps.setString(1, ftsQuery);
                ps.setLong(2, lo);
                ps.setLong(3, hi);
                try (ResultSet rs = ps.executeQuery()) {
                    while (ids.size() < limit && rs.next()) {
                        rs.getLong(2);
                        if (rs.wasNull()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                hi = lo;
                width *= 2;
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * Streams every live conversation, oldest first: one cursor over the headers, the turns of each loaded as it
     * comes, so memory holds one conversation at a time.
     */
    static void forEach(Connection c, Header header, Consumer<Conversation> sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, rowid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Conversation h = header.map(rs);
                sink.accept(h.withTurns(TurnMapper.load(c, h.id())));
            }
        }
    }
}
