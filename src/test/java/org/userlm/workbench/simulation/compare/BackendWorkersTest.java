package org.userlm.workbench.simulation.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.TokenListener;

/** Fairness and concurrency of the per-backend workers. */
class BackendWorkersTest {

    /** A slow model that records which caller ran when and how many ran at once. */
    static final class SlowModel implements ChatModel {
        final List<String> order = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final long millis;

        SlowModel(long millis) {
            this.millis = millis;
        }

        @Override
        public GenerationResult generate(GenerationRequest r, TokenListener l, CancellationToken cancel) {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                String who = r.messages().get(0).content();
                order.add(who);
                l.onText(who);
                long end = System.currentTimeMillis() + millis;
                while (System.currentTimeMillis() < end) {
                    if (cancel.isCancelled()) {
                        return new GenerationResult(who, FinishReason.CANCELLED, 1, 1, 1, 1);
                    }
                    Thread.onSpinWait();
                }
                return new GenerationResult(who, FinishReason.STOP, 1, 1, 1, 1);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String modelName() {
            return "slow";
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(false, false, true);
        }
    }

    static GenerationRequest req(String who) {
        return new GenerationRequest(List.of(ChatMessage.user(who)), GenerationParams.greedy(8));
    }

    static List<Thread> callers(ChatModel m, int calls, String... names) {
        List<Thread> ts = new ArrayList<>();
        for (String n : names) {
            ts.add(new Thread(() -> {
                for (int i = 0; i < calls; i++) {
                    try {
                        m.generate(req(n), TokenListener.NONE, new CancellationToken());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        ts.forEach(Thread::start);
        return ts;
    }

    @Test
    void aLocalBackendServesConversationsOneAtATimeInTurn() throws Exception {
        SlowModel slow = new SlowModel(40);
        try (BackendWorkers w = new BackendWorkers(s -> slow)) {
            ChatModel m = w.open(BackendSettings.local("/models/UserLM-8b"));
            for (Thread t : callers(m, 4, "A", "B")) {
                t.join(10_000);
            }
        }
        assertEquals(1, slow.maxRunning.get());
        assertEquals(8, slow.order.size());
        // FIFO at turn granularity: after the first call the two conversations alternate.
        for (int i = 2; i < slow.order.size(); i++) {
            assertNotEquals(slow.order.get(i - 1), slow.order.get(i), "order " + slow.order);
        }
    }

    @Test
    void aServerBackendGetsParallelRequestsAndBackendsAreSeparate() throws Exception {
        SlowModel server = new SlowModel(150);
        try (BackendWorkers w = new BackendWorkers(s -> server)) {
            ChatModel a = w.open(BackendSettings.openAiChat("http://127.0.0.1:1/v1", "m"));
            List<Thread> ts = callers(a, 1, "A", "B", "C");
            for (Thread t : ts) {
                t.join(10_000);
            }
            assertEquals("http://127.0.0.1:1/v1|m", BackendWorkers.key(BackendSettings.openAiChat(
                    "http://127.0.0.1:1/v1", "m")));
        }
        assertTrue(server.maxRunning.get() >= 2, "max concurrent " + server.maxRunning.get());
    }

    @Test
    void aCallCancelledWhileQueuedNeverRuns() throws Exception {
        SlowModel slow = new SlowModel(300);
        try (BackendWorkers w = new BackendWorkers(s -> slow)) {
            ChatModel m = w.open(BackendSettings.local("/models/x"));
            CountDownLatch started = new CountDownLatch(1);
            Thread first = new Thread(() -> {
                try {
                    m.generate(req("first"), d -> started.countDown(), new CancellationToken());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            first.start();
            started.await();
            CancellationToken cancel = new CancellationToken();
            GenerationResult[] out = new GenerationResult[1];
            Thread queued = new Thread(() -> {
                try {
                    out[0] = m.generate(req("queued"), TokenListener.NONE, cancel);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            queued.start();
            Thread.sleep(50);
            cancel.cancel();
            queued.join(2000);
            assertEquals(FinishReason.CANCELLED, out[0].finishReason());
            first.join(5000);
        }
        assertEquals(List.of("first"), slow.order);
    }
}
