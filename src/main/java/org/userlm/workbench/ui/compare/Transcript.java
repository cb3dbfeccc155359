package org.userlm.workbench.ui.compare;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;

/** The visible state of one conversation of a column (FX thread only; filled by the view model's drain). */
final class Transcript {
    /** One turn as shown. */
    static final class Cell {
        final int index;
        final Role role;
        final StringBuilder text = new StringBuilder();
        boolean streaming = true;
        int redraws;
        String status = "";

        Cell(int index, Role role) {
            this.index = index;
            this.role = role;
        }
    }

    final List<Cell> cells = new ArrayList<>();
    String conversationId;
    ConversationMetrics metrics;
    String error;
    /** Bumped on every change so the view can skip unchanged columns. */
    long version;

    Cell cell(int index, Role role) {
        for (Cell c : cells) {
            if (c.index == index) {
                return c;
            }
        }
        Cell c = new Cell(index, role);
        cells.add(c);
        cells.sort((a, b) -> Integer.compare(a.index, b.index));
        return c;
    }

    void finish(Turn t) {
        Cell c = cell(t.index(), t.role());
        c.text.setLength(0);
        c.text.append(t.content());
        c.streaming = false;
        c.status = t.status().wire();
        c.redraws = t.guardrailEvents().size();
        version++;
    }

    /** Fills the transcript from a stored conversation. */
    static Transcript of(Conversation conv, ConversationMetrics m) {
        Transcript tr = new Transcript();
        tr.conversationId = conv.id();
        for (Turn t : conv.turns()) {
            tr.finish(t);
        }
        tr.metrics = m;
        return tr;
    }
}
