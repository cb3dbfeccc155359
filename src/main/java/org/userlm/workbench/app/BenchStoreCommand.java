package org.userlm.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.storage.sqlite.StoreBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-store}: writes a large synthetic history into a fresh SQLite file and times History (first page,
 * typed filter), full-text search and a streamed export against the goals, with the file size.
 */
@Command(name = "bench-store", mixinStandardHelpOptions = true,
        description = "Generate N conversations into a temporary database and time history, search and export.")
final class BenchStoreCommand implements Callable<Integer> {
    static final double OPEN_GOAL_MS = 100;
    static final double SEARCH_GOAL_MS = 200;
    static final double SIZE_GOAL_BYTES = 2e9;

    @Option(names = "--conversations", defaultValue = "100000")
    int conversations;

    @Option(names = "--turns", defaultValue = "10", description = "Turns per conversation.")
    int turns;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per query (median).")
    int runs;

    @Option(names = "--db", paramLabel = "FILE", description = "Write here and keep it (default: a temp file, deleted);"
            + " an existing file is measured as it is, without generating.")
    Path db;

    @Override
    public Integer call() throws Exception {
        if (conversations < 1 || turns < 1 || runs < 1) {
            System.err.println("error: --conversations, --turns and --runs must be positive");
            return 1;
        }
        Path dir = db == null ? Files.createTempDirectory("userlm-bench-store-") : null;
        Path file = db != null ? db : dir.resolve("bench.db");
        boolean existing = db != null && Files.exists(db);
        try {
            System.out.println("load average: " + BenchCommand.loadAverage());
            StoreBenchmark bench = new StoreBenchmark();
            long t0 = System.nanoTime();
            if (existing) {
                System.out.println("measuring the existing " + db + " (no generation)");
                measure(bench, file);
                return 0;
            }
            try (SqliteDatabase d = SqliteDatabase.open(file)) {
                bench.generate(d, conversations, turns, n -> {
                    if (n % 10_000 == 0 || n == conversations) {
                        System.err.printf(Locale.ROOT, "  %,d conversations written%n", n);
                    }
                });
            }
            System.out.printf(Locale.ROOT, "generated %,d conversations, %,d turns in %.1f s%n", conversations,
                    (long) conversations * turns, (System.nanoTime() - t0) / 1e9);
            measure(bench, file);
            System.out.println("load average: " + BenchCommand.loadAverage());
            return 0;
        } catch (StorageException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        } finally {
            if (dir != null) {
                for (String f : new String[] {"bench.db", "bench.db-wal", "bench.db-shm"}) {
                    Files.deleteIfExists(dir.resolve(f));
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    private void measure(StoreBenchmark bench, Path file) throws IOException, InterruptedException {
        long size = Files.size(file) + sizeOrZero(Path.of(file + "-wal"));
        long t0 = System.nanoTime();
        try (SqliteDatabase d = SqliteDatabase.open(file)) {
            double open = (System.nanoTime() - t0) / 1e6;
            SqliteConversationRepository repo = new SqliteConversationRepository(d);
            int page = 1000;
            long t1 = System.nanoTime();
            double firstPage = repo.recent(page).size() >= 0 ? (System.nanoTime() - t1) / 1e6 : 0;
            System.out.printf(Locale.ROOT, "database file: %.1f MB; goal < 2 GB: %.2fx of it%n", size / 1e6,
                    size / SIZE_GOAL_BYTES);
            System.out.printf(Locale.ROOT, "database open: %.1f ms (at start-up, off the FX thread; the first open in"
                    + " a JVM includes loading SQLite's native library)%n", open);
            report("history open (newest " + page + " rows, first query after the open)", firstPage, OPEN_GOAL_MS);
            report("history page (newest " + page + " rows)", StoreBenchmark.millis(runs, () -> repo.recent(page)),
                    OPEN_GOAL_MS);
            String common = bench.word(0);
            String typed = common.substring(0, Math.min(3, common.length()));
            report("history filter as typed (\"" + typed + "\", prefix)",
                    StoreBenchmark.millis(runs, () -> repo.searchRecent(typed, page)), OPEN_GOAL_MS);
            for (int rank : new int[] {0, 300, 4900}) {
                String w = bench.word(rank);
                report("full-text search \"" + w + "\" (frequency rank " + rank + ")",
                        StoreBenchmark.millis(runs, () -> repo.searchRecent(w, page)), SEARCH_GOAL_MS);
            }
            String two = bench.word(10) + " " + bench.word(2000);
            report("full-text search \"" + two + "\" (two words)",
                    StoreBenchmark.millis(runs, () -> repo.searchRecent(two, page)), SEARCH_GOAL_MS);
            long t2 = System.nanoTime();
            int all = repo.list().size();
            System.out.printf(Locale.ROOT, "(for comparison: the whole list of %,d rows, as History loaded it before:"
                    + " %.0f ms)%n", all, (System.nanoTime() - t2) / 1e6);
            System.gc();
            long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            StoreBenchmark.Export e = StoreBenchmark.export(d);
            System.out.printf(Locale.ROOT, "streamed export: %,d conversations, %.1f MB of JSONL in %.1f s; heap in use"
                            + " before %.0f MB, peak %.0f MB (max heap %.0f MB; the JSONL is %.1fx the peak)%n",
                    e.conversations(), e.chars() / 1e6, e.millis() / 1e3, before / 1e6, e.peakHeapBytes() / 1e6,
                    e.maxHeapBytes() / 1e6, (double) e.chars() / e.peakHeapBytes());
        }
    }

    private static void report(String what, double ms, double goal) {
        System.out.printf(Locale.ROOT, "%s: %.1f ms; goal < %.0f ms: %.2fx of it%n", what, ms, goal, ms / goal);
    }

    private static long sizeOrZero(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
