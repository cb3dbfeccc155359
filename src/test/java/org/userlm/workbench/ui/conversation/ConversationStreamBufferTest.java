package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/** The runner-to-FX hand-off, without the FX toolkit. */
class ConversationStreamBufferTest {

    @Test
    void drainJoinsRunsOfTextPerTurn() {
        ConversationStreamBuffer b = new ConversationStreamBuffer();
        b.onTurnStarted(0, Role.USER);
        b.onText(0, "hel");
        b.onText(0, "lo");
        b.onRedraw(0, new GuardrailEvent("length", "hello", "regenerated", "1 word, minimum 3", 1));
        b.onText(0, "hello ");
        b.onText(0, "there friend");
        List<StreamEvent> out = b.drain();
        assertEquals(4, out.size());
        assertEquals(new StreamEvent.Text(0, "hello"), out.get(1));
        assertInstanceOf(StreamEvent.Redraw.class, out.get(2));
        assertEquals(new StreamEvent.Text(0, "hello there friend"), out.get(3));
        assertEquals(4, b.textEventsDrained());
        assertTrue(b.drain().isEmpty());
    }

    @Test
    void concurrentProducerLosesNothing() throws Exception {
        ConversationStreamBuffer b = new ConversationStreamBuffer();
        CountDownLatch done = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                b.onText(0, "x");
            }
            done.countDown();
        });
        producer.start();
        StringBuilder seen = new StringBuilder();
        while (done.getCount() > 0 || seen.length() < 20_000) {
            for (StreamEvent e : b.drain()) {
                seen.append(((StreamEvent.Text) e).delta());
            }
        }
        assertEquals(20_000, seen.length());
    }

    @Test
    void transcriptAppliesEventsAndSettlesTurns() {
        TranscriptModel t = new TranscriptModel();
        StringBuilder sink = new StringBuilder();
        t.apply(new StreamEvent.TurnStarted(0, Role.ASSISTANT));
        t.turn(0).addSink(new TurnViewModel.TextSink() {
            @Override
            public void appended(String delta) {
                sink.append(delta);
            }

            @Override
            public void cleared() {
                sink.setLength(0);
            }
        });
        t.apply(new StreamEvent.Text(0, "The answer"));
        t.apply(new StreamEvent.Text(0, " is 4"));
        assertEquals("The answer is 4", sink.toString());
        Turn done = new Turn(0, Role.ASSISTANT, "The answer is 4", "The answer is 4", TurnStatus.COMPLETE, null, 0L,
                120L, 2000L, 10, 40, null, "m", List.of(), false, null);
        t.apply(new StreamEvent.TurnFinished(done));
        assertEquals(TurnStatus.COMPLETE, t.turn(0).statusProperty().get());
        assertEquals("40 tok  ·  20.0 tok/s  ·  TTFT 120 ms", t.turn(0).statsProperty().get());
        assertEquals(List.of(done), t.settledTurnsBefore(1));
    }
}
