package org.userlm.workbench.ui.compare;

import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.simulation.compare.ComparisonListener;
import org.userlm.workbench.simulation.compare.CompletedConversation;

/**
 * Turns the comparison runner's callbacks (any thread) into updates of the columns, queued for the view model's
 * {@code drain()} on the FX thread, once per pulse: the streaming path, separate from ordinary background work.
 */
final class ColumnUpdates implements ComparisonListener {
    private final Queue<Runnable> updates;
    private final List<ColumnState> columns;
    private final Consumer<CompletedConversation> onDone;

    ColumnUpdates(Queue<Runnable> updates, List<ColumnState> columns, Consumer<CompletedConversation> onDone) {
        this.updates = updates;
        this.columns = columns;
        this.onDone = onDone;
    }

    @Override
    public void onConversationStarted(int column, int repeat, Conversation conversation) {
        updates.add(() -> columns.get(column).transcript(repeat).conversationId = conversation.id());
    }

    @Override
    public void onTurnStarted(int column, int repeat, int index, Role role) {
        updates.add(() -> {
            Transcript tr = columns.get(column).transcript(repeat);
            tr.cell(index, role);
            tr.version++;
        });
    }

    @Override
    public void onText(int column, int repeat, int index, String delta) {
        updates.add(() -> {
            Transcript tr = columns.get(column).transcript(repeat);
            Transcript.Cell c = tr.cells.stream().filter(x -> x.index == index).findFirst().orElse(null);
            if (c != null) {
                c.text.append(delta);
                tr.version++;
            }
        });
    }

    @Override
    public void onRedraw(int column, int repeat, int index, GuardrailEvent event) {
        updates.add(() -> {
            Transcript tr = columns.get(column).transcript(repeat);
            Transcript.Cell c = tr.cells.stream().filter(x -> x.index == index).findFirst().orElse(null);
            if (c != null) {
                c.text.setLength(0);
                c.redraws++;
                tr.version++;
            }
        });
    }

    @Override
    public void onTurnFinished(int column, int repeat, Turn turn) {
        updates.add(() -> columns.get(column).transcript(repeat).finish(turn));
    }

    @Override
    public void onConversationDone(CompletedConversation done) {
        updates.add(() -> onDone.accept(done));
    }

    @Override
    public void onFailed(int column, int repeat, String msg) {
        updates.add(() -> {
            Transcript tr = columns.get(column).transcript(repeat);
            tr.error = msg;
            tr.version++;
        });
    }
}
