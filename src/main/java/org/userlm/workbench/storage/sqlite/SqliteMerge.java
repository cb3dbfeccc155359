package org.userlm.workbench.storage.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.userlm.workbench.storage.StorageException;

/**
 * Merges workbench databases (e.g. the shards of an experiment run on several machines) into one. Rows are matched
 * by their ids, so merging the same file twice adds nothing. For an experiment slot present on both sides a finished
 * one (done or failed) wins over an unfinished one, and of two finished ones the target's stays; the conversation of
 * the losing side is not copied. Each source is first opened (and migrated) as a workbench database.
 */
public final class SqliteMerge {
    /** Tables copied by id with INSERT OR IGNORE, parents first. */
    private static final List<String> BY_ID = List.of("tasks", "runs", "annotation_schemas", "annotations",
            "experiments", "experiment_cells", "judge_cache");

    private SqliteMerge() {
    }

    /** What a merge added. */
    public record Result(int conversations, int slots) {
    }

    /** Merges {@code source} into {@code target} (created if missing) in one transaction. */
    public static Result merge(Path target, Path source) {
        if (!Files.isRegularFile(source)) {
            throw new StorageException("no database at " + source, null);
        }
        SqliteDatabase.open(source).close();
        SqliteDatabase.open(target).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA foreign_keys = OFF");
                s.execute("ATTACH DATABASE '" + source.toAbsolutePath().toString().replace("'", "''") + "' AS src");
            }
            c.setAutoCommit(false);
            Result r;
            try (Statement s = c.createStatement()) {
                for (String t : BY_ID) {
                    s.executeUpdate("INSERT OR IGNORE INTO main." + t + " SELECT * FROM src." + t);
                }
                int slots = s.executeUpdate("INSERT INTO main.experiment_slots SELECT * FROM src.experiment_slots "
                        + "WHERE true ON CONFLICT (experiment_id, cell_idx, task_id, run_idx) DO UPDATE SET "
                        + "conversation_id = excluded.conversation_id, status = excluded.status, "
                        + "solved = excluded.solved, gradeable = excluded.gradeable, error_kind = excluded.error_kind, "
                        + "error = excluded.error, updated_at = excluded.updated_at "
                        + "WHERE experiment_slots.status NOT IN ('done', 'failed') "
                        + "AND excluded.status IN ('done', 'failed')");
                // Conversations whose slot now points elsewhere lost to the target's: not copied.
                String keep = " FROM src.conversations sc WHERE NOT EXISTS (SELECT 1 FROM src.experiment_slots ss "
                        + "JOIN main.experiment_slots ms ON ms.experiment_id = ss.experiment_id "
                        + "AND ms.cell_idx = ss.cell_idx AND ms.task_id = ss.task_id AND ms.run_idx = ss.run_idx "
                        + "WHERE ss.conversation_id = sc.id AND ms.conversation_id IS NOT ss.conversation_id)";
                int conversations = s.executeUpdate("INSERT OR IGNORE INTO main.conversations SELECT sc.*" + keep);
                s.executeUpdate("INSERT OR IGNORE INTO main.turns SELECT t.* FROM src.turns t "
                        + "WHERE t.conversation_id IN (SELECT sc.id" + keep + ")");
                s.executeUpdate("INSERT INTO main.guardrail_events (conversation_id, turn_idx, seq, rule, rejected_text, "
                        + "action, detail, attempt) SELECT g.conversation_id, g.turn_idx, g.seq, g.rule, g.rejected_text, "
                        + "g.action, g.detail, g.attempt FROM src.guardrail_events g WHERE g.conversation_id IN "
                        + "(SELECT sc.id" + keep + ") AND NOT EXISTS (SELECT 1 FROM main.guardrail_events m WHERE "
                        + "m.conversation_id = g.conversation_id AND m.turn_idx = g.turn_idx AND m.seq = g.seq)");
                // A merged experiment is done only when every slot of it is finished.
                s.executeUpdate("UPDATE main.experiments SET status = CASE WHEN EXISTS (SELECT 1 FROM "
                        + "main.experiment_slots x WHERE x.experiment_id = experiments.id AND x.status IN "
                        + "('planned', 'running')) THEN 'interrupted' ELSE 'done' END "
                        + "WHERE id IN (SELECT id FROM src.experiments)");
                for (String t : List.of("comparisons", "comparison_columns", "judgments")) {
                    s.executeUpdate("INSERT OR IGNORE INTO main." + t + " SELECT * FROM src." + t);
                }
                r = new Result(conversations, slots);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            c.commit();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("DETACH DATABASE src")) {
                ps.execute();
            }
            return r;
        } catch (SQLException e) {
            throw new StorageException("cannot merge " + source + " into " + target + ": " + e.getMessage(), e);
        }
    }
}
