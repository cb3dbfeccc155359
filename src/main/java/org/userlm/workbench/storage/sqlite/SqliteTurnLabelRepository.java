package org.userlm.workbench.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.storage.TurnLabelRepository;

/** {@link TurnLabelRepository} on a {@link SqliteDatabase} (table {@code turn_labels}, migration V004). */
public final class SqliteTurnLabelRepository implements TurnLabelRepository {
    private final SqliteDatabase db;

    public SqliteTurnLabelRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void save(String conversationId, List<TurnLabel> labels) {
        List<TurnLabel> copy = List.copyOf(labels);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO turn_labels (conversation_id, "
                    + "turn_idx, category, source, judge_model, prompt_version, extracted, grader, correct, detail, "
                    + "annotator, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TurnLabel l : copy) {
                    ps.setString(1, conversationId);
                    ps.setInt(2, l.turnIndex());
                    ps.setString(3, l.category().wire());
                    ps.setString(4, l.source().wire());
                    ps.setString(5, l.judgeModel());
                    ps.setString(6, l.promptVersion());
                    ps.setString(7, l.extracted());
                    ps.setString(8, l.grader());
                    if (l.correct() == null) {
                        ps.setNull(9, Types.INTEGER);
                    } else {
                        ps.setInt(9, l.correct() ? 1 : 0);
                    }
                    ps.setString(10, l.detail());
                    ps.setString(11, l.annotator());
                    ps.setLong(12, l.updatedAtMs());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    @Override
    public List<TurnLabel> list(String conversationId) {
        return db.read(c -> {
            List<TurnLabel> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT turn_idx, category, source, judge_model, "
                    + "prompt_version, extracted, grader, correct, detail, annotator, updated_at FROM turn_labels "
                    + "WHERE conversation_id = ? ORDER BY turn_idx")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int correct = rs.getInt(8);
                        Boolean ok = rs.wasNull() ? null : correct != 0;
                        TurnCategory cat = TurnCategory.fromWire(rs.getString(2));
                        out.add(new TurnLabel(rs.getInt(1), cat == null ? TurnCategory.DISCUSSION : cat,
                                TurnLabel.Source.fromWire(rs.getString(3)), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), ok, rs.getString(9), rs.getString(10),
                                rs.getLong(11)));
                    }
                }
            }
            return out;
        });
    }
}
