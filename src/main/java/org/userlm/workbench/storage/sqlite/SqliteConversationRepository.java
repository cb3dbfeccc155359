package org.userlm.workbench.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Run;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.storage.StorageException;

/**
 * {@link ConversationRepository} on a {@link SqliteDatabase}.
 *
 * <p>Over 300 lines on purpose: it implements the whole {@link ConversationRepository} interface (writes,
 * checkpoints, search with snippets, paging, crash recovery) over one schema, whose SQL is easier to check in
 * one place.
 */
public final class SqliteConversationRepository implements ConversationRepository {

    private static final String SUMMARY_SELECT = "SELECT c.id, c.title, c.task_id, c.simulator, c.user_model, "
            + "c.assistant_model, c.ended_by, c.created_at, "
            + "(SELECT COUNT(*) FROM turns t WHERE t.conversation_id = c.id), c.parent_id, c.run_id FROM conversations c ";

    private final SqliteDatabase db;
    /** Latest checkpoint per turn not yet written; the writer takes it out when it runs. */
    private final Map<String, PendingCheckpoint> pending = new ConcurrentHashMap<>();

    private record PendingCheckpoint(String conversationId, Turn turn) {
    }

    public SqliteConversationRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void createRun(Run run) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO runs (id, name, kind, settings_json, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, run.id());
                ps.setString(2, run.name());
                ps.setString(3, run.kind());
                ps.setString(4, run.settingsJson());
                ps.setLong(5, run.createdAtMs());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void create(Conversation conv) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (id, run_id, task_id, title, "
                    + "simulator, user_model, assistant_model, intent, assistant_system_prompt, settings_json, "
                    + "ended_by, parent_id, fork_index, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, conv.id());
                ps.setString(2, conv.runId());
                ps.setString(3, conv.taskId());
                ps.setString(4, conv.title());
                ps.setString(5, conv.simulator());
                ps.setString(6, conv.userModel());
                ps.setString(7, conv.assistantModel());
                ps.setString(8, conv.intent());
                ps.setString(9, conv.assistantSystemPrompt());
                ps.setString(10, conv.settingsJson());
                ps.setString(11, conv.endedBy() == null ? null : conv.endedBy().wire());
                ps.setString(12, conv.parentId());
                ps.setObject(13, conv.forkIndex());
                ps.setLong(14, conv.createdAtMs());
                ps.executeUpdate();
            }
            for (Turn t : conv.turns()) {
                TurnMapper.upsert(c, conv.id(), t);
                TurnMapper.replaceEvents(c, conv.id(), t);
            }
            return null;
        });
    }

    @Override
    public void checkpoint(String conversationId, Turn streamingTurn) {
        String key = conversationId + "#" + streamingTurn.index();
        if (pending.put(key, new PendingCheckpoint(conversationId, streamingTurn)) == null) {
            db.writeAsync(c -> {
                PendingCheckpoint p = pending.remove(key);
                if (p != null) {
                    TurnMapper.upsert(c, p.conversationId(), p.turn());
                }
                return null;
            });
        }
    }

    @Override
    public void saveTurn(String conversationId, Turn turn) {
        pending.remove(conversationId + "#" + turn.index());
        db.write(c -> {
            TurnMapper.upsert(c, conversationId, turn);
            TurnMapper.replaceEvents(c, conversationId, turn);
            return null;
        });
    }

    @Override
    public void deleteTurn(String conversationId, int index) {
        pending.remove(conversationId + "#" + index);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM turns WHERE conversation_id = ? AND idx = ?")) {
                ps.setString(1, conversationId);
                ps.setInt(2, index);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void finish(String conversationId, EndReason reason) {
        update(conversationId, "UPDATE conversations SET ended_by = ? WHERE id = ?", reason.wire(), conversationId);
    }

    @Override
    public void rename(String conversationId, String title) {
        update(conversationId, "UPDATE conversations SET title = ? WHERE id = ?", title, conversationId);
    }

    @Override
    public void delete(String conversationId) {
        update(conversationId, "UPDATE conversations SET deleted_at = ? WHERE id = ?", System.currentTimeMillis(),
                conversationId);
    }

    @Override
    public void restore(String conversationId) {
        update(conversationId, "UPDATE conversations SET deleted_at = NULL WHERE id = ?", conversationId);
    }

    private void update(String id, String sql, Object... params) {
        int n = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new StorageException("conversation " + id + " not found");
        }
    }

    @Override
    public Optional<Conversation> find(String id) {
        return db.read(c -> {
            Conversation header;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    header = header(rs);
                }
            }
            return Optional.of(header.withTurns(TurnMapper.load(c, id)));
        });
    }

    @Override
    public List<ConversationSummary> list() {
        return db.read(c -> summaries(c, SUMMARY_SELECT + "WHERE c.deleted_at IS NULL ORDER BY c.created_at DESC",
                List.of()));
    }

    @Override
    public List<ConversationSummary> search(String query) {
        if (query == null || query.isBlank()) {
            return list();
        }
        String sql = SUMMARY_SELECT + "WHERE c.deleted_at IS NULL AND c.id IN (SELECT t.conversation_id FROM turns t "
                + "JOIN turns_fts f ON f.rowid = t.rowid WHERE turns_fts MATCH ?) ORDER BY c.created_at DESC";
        return db.read(c -> summaries(c, sql, List.of(FtsQuery.of(query))));
    }

    @Override
    public Map<String, String> snippets(String query, Collection<String> ids) {
        if (query == null || query.isBlank() || ids.isEmpty()) {
            return Map.of();
        }
        // One match per conversation of the page: the FTS match is joined to the page's ids, never the whole store.
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        String sql = "SELECT t.conversation_id, snippet(turns_fts, 0, '[', ']', '…', 12) FROM turns_fts f "
                + "JOIN turns t ON t.rowid = f.rowid WHERE turns_fts MATCH ? AND t.conversation_id IN (" + marks
                + ") ORDER BY t.idx";
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, FtsQuery.of(query));
                int i = 2;
                for (String id : ids) {
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getString(1), rs.getString(2).replace('\n', ' '));
                    }
                }
            }
            return out;
        });
    }

    private static List<ConversationSummary> summaries(Connection c, String sql, List<String> params)
            throws SQLException {
        List<ConversationSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ended = rs.getString(7);
                    out.add(new ConversationSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            ended == null ? null : EndReason.fromWire(ended), rs.getLong(8), rs.getInt(9),
                            rs.getString(10), rs.getString(11)));
                }
            }
        }
        return out;
    }

    @Override
    public List<ConversationSummary> recent(int limit) {
        return db.read(c -> summaries(c, SUMMARY_SELECT + "WHERE c.deleted_at IS NULL ORDER BY c.created_at DESC "
                + "LIMIT " + Math.max(0, limit), List.of()));
    }

    @Override
    public List<ConversationSummary> searchRecent(String query, int limit) {
        if (query == null || query.isBlank()) {
            return recent(limit);
        }
        return db.read(c -> {
            List<String> ids = HistoryQueries.matchingIds(c, FtsQuery.of(query), limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
            Map<String, ConversationSummary> byId = new HashMap<>();
            for (ConversationSummary s : summaries(c, SUMMARY_SELECT + "WHERE c.id IN (" + in + ")", ids)) {
                byId.put(s.id(), s);
            }
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    @Override
    public void forEach(Consumer<Conversation> sink) {
        db.read(c -> {
            HistoryQueries.forEach(c, SqliteConversationRepository::header, sink);
            return null;
        });
    }

    @Override
    public List<Conversation> all() {
        return db.read(c -> {
            List<Conversation> headers = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    headers.add(header(rs));
                }
            }
            List<Conversation> out = new ArrayList<>(headers.size());
            for (Conversation h : headers) {
                out.add(h.withTurns(TurnMapper.load(c, h.id())));
            }
            return out;
        });
    }

    @Override
    public int recoverInterrupted() {
        return db.write(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE turns SET status = ?, error = ? "
                    + "WHERE status IN (?, ?)")) {
                ps.setString(1, TurnStatus.FAILED.name());
                ps.setString(2, "interrupted: the workbench stopped while this turn was being written");
                ps.setString(3, TurnStatus.PENDING.name());
                ps.setString(4, TurnStatus.STREAMING.name());
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE conversations SET ended_by = ? WHERE ended_by IS NULL")) {
                ps.setString(1, EndReason.ERROR.wire());
                ps.executeUpdate();
            }
            return n;
        });
    }

    private static Conversation header(ResultSet rs) throws SQLException {
        String ended = rs.getString("ended_by");
        Object fork = rs.getObject("fork_index");
        return new Conversation(rs.getString("id"), rs.getString("run_id"), rs.getString("task_id"),
                rs.getString("title"), rs.getString("simulator"), rs.getString("user_model"),
                rs.getString("assistant_model"), rs.getString("intent"), rs.getString("assistant_system_prompt"),
                rs.getString("settings_json"), ended == null ? null : EndReason.fromWire(ended),
                rs.getString("parent_id"), fork == null ? null : ((Number) fork).intValue(),
                rs.getLong("created_at"), List.of());
    }

    /** For tests and the UI: the guardrail events of one turn, in order. */
    public List<GuardrailEvent> events(String conversationId, int turnIndex) {
        return db.read(c -> TurnMapper.events(c, conversationId, turnIndex));
    }
}
