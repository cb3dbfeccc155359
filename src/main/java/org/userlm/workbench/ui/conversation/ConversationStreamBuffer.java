package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.simulation.ConversationListener;

/**
 * The hand-off between a runner thread and the FX thread. The runner appends at token rate (lock-free); the FX
 * thread drains once per frame and gets consecutive text of one turn joined into a single delta, so the view does
 * one {@code appendText} per turn per frame, whatever the token rate (ARCHITECTURE.md, threads rule 2).
 */
public final class ConversationStreamBuffer implements ConversationListener {
    private final ConcurrentLinkedQueue<StreamEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong textEvents = new AtomicLong();
    private long textEventsDrained;

    /** Any thread. */
    public void post(StreamEvent e) {
        queue.add(e);
    }

    /** Number of text deltas the FX thread has taken so far (for the bench). FX thread. */
    public long textEventsDrained() {
        return textEventsDrained;
    }

    /** Number of text deltas posted so far (for the bench). */
    public long textEventsPosted() {
        return textEvents.get();
    }

    @Override
    public void onConversationStarted(Conversation conversation) {
        post(new StreamEvent.Started(conversation));
    }

    @Override
    public void onTurnStarted(int index, Role role) {
        post(new StreamEvent.TurnStarted(index, role));
    }

    @Override
    public void onText(int index, String delta) {
        textEvents.incrementAndGet();
        post(new StreamEvent.Text(index, delta));
    }

    @Override
    public void onRedraw(int index, GuardrailEvent event) {
        post(new StreamEvent.Redraw(index, event));
    }

    @Override
    public void onTurnFinished(Turn turn) {
        post(new StreamEvent.TurnFinished(turn));
    }

    @Override
    public void onConversationEnded(Conversation conversation) {
        post(new StreamEvent.Ended(conversation));
    }

    /** Takes everything queued so far, joining runs of text for the same turn. Called on the FX thread. */
    public List<StreamEvent> drain() {
        List<StreamEvent> out = new ArrayList<>();
        StringBuilder text = null;
        int index = -1;
        StreamEvent e;
        while ((e = queue.poll()) != null) {
            if (e instanceof StreamEvent.Text t) {
                textEventsDrained++;
                if (text != null && t.index() == index) {
                    text.append(t.delta());
                    continue;
                }
                if (text != null) {
                    out.add(new StreamEvent.Text(index, text.toString()));
                }
                text = new StringBuilder(t.delta());
                index = t.index();
                continue;
            }
            if (text != null) {
                out.add(new StreamEvent.Text(index, text.toString()));
                text = null;
            }
            out.add(e);
        }
        if (text != null) {
            out.add(new StreamEvent.Text(index, text.toString()));
        }
        return out;
    }
}
