package org.userlm.workbench.storage.sqlite;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.storage.ConversationJsonl;

/**
 * Generates a large synthetic history (conversations of alternating user/assistant turns whose words follow a
 * Zipf law over a 5,000-word vocabulary) and times what the History view and export do with it. Used by
 * {@code bench-store}.
 */
public final class StoreBenchmark {
    /** Conversations written per transaction. */
    private static final int BATCH = 1000;
    private static final int VOCAB = 5000;
    private final String[] words = new String[VOCAB];
    private final double[] cumulative = new double[VOCAB];

    /** Builds the vocabulary: pronounceable words from syllables, rank 0 the most frequent. */
    public StoreBenchmark() {
        String[] syl = {"ka", "lo", "mi", "nu", "ra", "se", "ti", "vo", "ze", "po", "da", "fi", "gu", "he", "ja",
            "qui", "bre", "sto", "lan", "mor"};
        SplittableRandom r = new SplittableRandom(11);
        double sum = 0;
        for (int i = 0; i < VOCAB; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + (i < 50 ? 0 : i < 1000 ? 1 : 2) + r.nextInt(2);
            for (int k = 0; k < n; k++) {
                b.append(syl[r.nextInt(syl.length)]);
            }
            words[i] = b.append(i < 100 ? "" : Integer.toString(i, 36)).toString();
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCAB; i++) {
            cumulative[i] /= sum;
        }
    }

    /** The word of a frequency rank (0 = most common). */
    public String word(int rank) {
        return words[rank];
    }

    /**
     * Writes {@code conversations} conversations of {@code turns} turns each (about 45 words a turn), a batch of
     * 1,000 per transaction; {@code progress} gets the count written so far.
     */
    public void generate(SqliteDatabase db, int conversations, int turns, IntConsumer progress) {
        SplittableRandom r = new SplittableRandom(5);
        long t0 = 1_700_000_000_000L;
        for (int from = 0; from < conversations; from += BATCH) {
            int to = Math.min(conversations, from + BATCH);
            int start = from;
            db.write(c -> {
                try (PreparedStatement conv = c.prepareStatement("INSERT INTO conversations (id, task_id, title, "
                        + "simulator, user_model, assistant_model, ended_by, created_at) VALUES (?,?,?,?,?,?,?,?)");
                     PreparedStatement turn = c.prepareStatement("INSERT INTO turns (conversation_id, idx, role, "
                             + "content, status, started_at, duration_ms, model, updated_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                    for (int i = start; i < to; i++) {
                        String id = String.format(Locale.ROOT, "bench-%07d", i);
                        long at = t0 + i * 60_000L;
                        conv.setString(1, id);
                        conv.setString(2, "task-" + (i % 200));
                        conv.setString(3, sentence(r, 4));
                        conv.setString(4, "userlm");
                        conv.setString(5, "UserLM-8b");
                        conv.setString(6, "Llama-3.1-8B-Instruct");
                        conv.setString(7, EndReason.values()[i % EndReason.values().length].wire());
                        conv.setLong(8, at);
                        conv.addBatch();
                        for (int k = 0; k < turns; k++) {
                            turn.setString(1, id);
                            turn.setInt(2, k);
                            turn.setString(3, k % 2 == 0 ? "USER" : "ASSISTANT");
                            turn.setString(4, sentence(r, 20 + r.nextInt(51)));
                            turn.setString(5, "COMPLETE");
                            turn.setLong(6, at + k * 1000L);
                            turn.setLong(7, 900);
                            turn.setString(8, k % 2 == 0 ? "UserLM-8b" : "Llama-3.1-8B-Instruct");
                            turn.setLong(9, at + k * 1000L + 900);
                            turn.addBatch();
                        }
                    }
                    conv.executeBatch();
                    turn.executeBatch();
                }
                return null;
            });
            progress.accept(to);
        }
        db.write(c -> {
            try (var s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("ANALYZE");
            }
            return null;
        });
    }

    private String sentence(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int lo = 0;
            int hi = VOCAB - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (i > 0) {
                b.append(' ');
            }
            b.append(words[lo]);
        }
        return b.append('.').toString();
    }

    /**
     * Result of a streamed export.
     *
     * @param conversations  conversations written
     * @param chars          characters of JSONL written
     * @param millis         wall time
     * @param peakHeapBytes  highest heap use sampled during the export (garbage not yet collected included)
     * @param maxHeapBytes   the JVM's heap limit
     */
    public record Export(long conversations, long chars, double millis, long peakHeapBytes, long maxHeapBytes) {
    }

    /** Streams the export into a counting sink while sampling the heap every 2 ms. */
    public static Export export(SqliteDatabase db) throws InterruptedException {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        long[] chars = {0};
        long[] n = {0};
        Writer sink = new Writer() {
            @Override
            public void write(char[] b, int off, int len) {
                chars[0] += len;
            }

            @Override
            public void write(String s) {
                chars[0] += s.length();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        new SqliteConversationRepository(db).forEach(c -> {
            try {
                ConversationJsonl.writeLine(c, sink);
                n[0]++;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        double ms = (System.nanoTime() - t0) / 1e6;
        done.set(true);
        sampler.join();
        return new Export(n[0], chars[0], ms, peak.get(), mx.getHeapMemoryUsage().getMax());
    }

    /** Median wall time in milliseconds of {@code runs} runs of {@code work} (after one untimed run). */
    public static double millis(int runs, Runnable work) {
        work.run();
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            t.add((System.nanoTime() - t0) / 1e6);
        }
        t.sort(null);
        return t.get(t.size() / 2);
    }
}
