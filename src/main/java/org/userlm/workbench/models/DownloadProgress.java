package org.userlm.workbench.models;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of one download, updated by the worker threads and read by whoever shows it ({@link #snapshot()}, to be
 * polled: the CLI once a second, the UI once per pulse). Speed is measured over the last five seconds of
 * transferred bytes; bytes already on disk from an earlier run count as done but not as speed.
 */
public final class DownloadProgress {
    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final LongSupplier clock;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong transferred = new AtomicLong();
    private final Map<String, FileState> files = new ConcurrentHashMap<>();
    private final Deque<long[]> samples = new ArrayDeque<>();
    private volatile String state = "starting";

    /** A meter on {@code System.nanoTime}. */
    public DownloadProgress() {
        this(System::nanoTime);
    }

    /** A meter on the given clock (nanoseconds; tests). */
    public DownloadProgress(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** One file's progress; {@code size} -1 when unknown. */
    public record FileState(String path, long size, long done, String state) {
    }

    /**
     * What a view shows.
     *
     * @param total          bytes to have when finished (known sizes)
     * @param done           bytes on disk
     * @param bytesPerSecond over the last five seconds
     * @param etaSeconds     remaining time at that speed, -1 when unknown
     * @param state          starting, downloading, verifying, paused, cancelled, done, failed
     * @param files          per file, largest first
     */
    public record Snapshot(long total, long done, double bytesPerSecond, long etaSeconds, String state,
                           List<FileState> files) {
        /** Fraction done in [0, 1], or -1 when the total is unknown. */
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, done / (double) total);
        }

        /** "1.2 GB of 16.1 GB (7%), 45.3 MB/s, 5 min 30 s left". */
        public String line() {
            StringBuilder b = new StringBuilder(human(done)).append(" of ").append(human(total));
            if (total > 0) {
                b.append(String.format(Locale.ROOT, " (%.0f%%)", 100 * fraction()));
            }
            b.append(", ").append(human((long) bytesPerSecond)).append("/s");
            if (etaSeconds >= 0) {
                b.append(", ").append(duration(etaSeconds)).append(" left");
            }
            return b.toString();
        }
    }

    void addFile(String path, long size, long alreadyDone) {
        files.put(path, new FileState(path, size, alreadyDone, "queued"));
        total.addAndGet(Math.max(0, size));
        done.addAndGet(alreadyDone);
    }

    void fileState(String path, String newState) {
        files.computeIfPresent(path, (k, f) -> new FileState(k, f.size(), f.done(), newState));
    }

    /** {@code n} new bytes written for {@code path} ({@code countsAsSpeed}: came over the network now). */
    void advance(String path, long n, boolean countsAsSpeed) {
        done.addAndGet(n);
        if (countsAsSpeed) {
            transferred.addAndGet(n);
        }
        files.computeIfPresent(path, (k, f) -> new FileState(k, f.size(), f.done() + n, f.state()));
    }

    /** The file's bytes were thrown away (restart, checksum mismatch). */
    void reset(String path) {
        files.computeIfPresent(path, (k, f) -> {
            done.addAndGet(-f.done());
            return new FileState(k, f.size(), 0, f.state());
        });
    }

    void state(String s) {
        state = s;
    }

    /** The current figures; also records a speed sample. */
    public Snapshot snapshot() {
        long now = clock.getAsLong();
        long t = transferred.get();
        double speed;
        synchronized (samples) {
            samples.addLast(new long[] {now, t});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
                samples.removeFirst();
            }
            long[] first = samples.peekFirst();
            double dt = (now - first[0]) / 1e9;
            speed = dt > 0 ? (t - first[1]) / dt : 0;
        }
        long remaining = Math.max(0, total.get() - done.get());
        long eta = speed > 0 ? (long) Math.ceil(remaining / speed) : remaining == 0 ? 0 : -1;
        List<FileState> fs = files.values().stream()
                .sorted(Comparator.comparingLong(FileState::size).reversed().thenComparing(FileState::path)).toList();
        return new Snapshot(total.get(), done.get(), speed, eta, state, fs);
    }

    /** Bytes as "532 B", "12.3 MB", "16.1 GB" (powers of 1000). */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    /** Seconds as "45 s", "5 min 30 s", "2 h 05 min". */
    public static String duration(long s) {
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
