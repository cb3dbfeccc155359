package org.userlm.workbench.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.userlm.workbench.models.DownloadResult.FileOutcome;

/**
 * Downloads the wanted files of a {@link HubListing} into a folder: several files at once, each written to
 * {@code path.incomplete} and resumed from its length with HTTP Range (after a broken connection, up to
 * {@code retries} times in one run, and across runs), checked against the Hub's sha256 (fetched again once on
 * a mismatch), then moved into place. Complete files already there are hashed and kept. Pickled weights are never
 * fetched. The free disk space is checked before the first byte.
 */
public final class Downloader {
    private static final int CHUNK = 1 << 16;
    private static final long DISK_MARGIN = 64L << 20;

    private final HubClient hub;
    private final int parallelFiles;
    private final int retries;
    private final ToLongFunction<Path> freeSpace;

    /** A downloader with {@code parallelFiles} workers and {@code retries} resumes per file after a broken read. */
    public Downloader(HubClient hub, int parallelFiles, int retries, ToLongFunction<Path> freeSpace) {
        this.hub = hub;
        this.parallelFiles = Math.max(1, parallelFiles);
        this.retries = retries;
        this.freeSpace = freeSpace;
    }

    /** Four files at once, five resumes per file, the real free space. */
    public static Downloader standard(HubClient hub) {
        return new Downloader(hub, 4, 5, Downloader::usableSpace);
    }

    /** Runs the download; blocks until done, paused, cancelled or failed. */
    public DownloadResult download(HubListing listing, Path dir, DownloadProgress progress, DownloadControl control)
            throws HubException, IOException {
        List<HubFile> wanted = listing.wanted();
        for (HubFile f : wanted) {
            if (!f.safePath()) {
                throw new HubException(HubException.Kind.PROTOCOL, "the listing names an unsafe path: " + f.path());
            }
        }
        Files.createDirectories(dir);
        long needed = 0;
        for (HubFile f : wanted) {
            long have = Files.isRegularFile(dir.resolve(f.path())) ? f.size()
                    : sizeOr0(dir.resolve(f.path() + ".incomplete"));
            progress.addFile(f.path(), f.size(), Math.max(0, Math.min(have, f.size())));
            needed += Math.max(0, f.size() - Math.max(0, have));
        }
        long free = freeSpace.applyAsLong(dir);
        if (free >= 0 && needed + DISK_MARGIN > free) {
            progress.state("failed");
            throw new IOException(String.format(Locale.ROOT, "not enough disk space in %s: the download needs %s "
                    + "more, %s is free", dir, DownloadProgress.human(needed), DownloadProgress.human(free)));
        }
        progress.state("downloading");
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelFiles, r -> {
            Thread t = new Thread(r, "hub-download-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<FileOutcome>> futures = new ArrayList<>();
        List<HubFile> order = new ArrayList<>(wanted);
        order.sort(Comparator.comparingLong(HubFile::size).reversed());
        try {
            for (HubFile f : order) {
                futures.add(pool.submit(() -> fetch(listing, f, dir, progress, control)));
            }
            List<FileOutcome> byPath = new ArrayList<>();
            for (Future<FileOutcome> fu : futures) {
                byPath.add(fu.get());
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (HubFile f : wanted) {
                byPath.stream().filter(o -> o.path().equals(f.path())).findFirst().ifPresent(outcomes::add);
            }
            String status = switch (control.request()) {
                case PAUSE -> "paused";
                case CANCEL -> "cancelled";
                case RUN -> outcomes.stream().allMatch(FileOutcome::ok) ? "done" : "failed";
            };
            if (control.request() == DownloadControl.Request.CANCEL) {
                for (HubFile f : wanted) {
                    Files.deleteIfExists(dir.resolve(f.path() + ".incomplete"));
                }
            }
            progress.state(status);
            return new DownloadResult(listing.repo(), listing.revision(), dir, status, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.cancel();
            throw new IOException("download interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("download failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileOutcome fetch(HubListing l, HubFile f, Path dir, DownloadProgress progress, DownloadControl control) {
        Path target = dir.resolve(f.path());
        Path part = dir.resolve(f.path() + ".incomplete");
        try {
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target)) {
                String sha = sha256(target);
                if ((f.size() < 0 || Files.size(target) == f.size()) && (f.sha256() == null
                        || f.sha256().equalsIgnoreCase(sha))) {
                    progress.fileState(f.path(), "done");
                    return new FileOutcome(f.path(), Files.size(target), sha, f.sha256(), null);
                }
                progress.reset(f.path());
                Files.delete(target);
            }
            String sha = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                progress.fileState(f.path(), "downloading");
                if (!transfer(l, f, part, progress, control)) {
                    progress.fileState(f.path(), control.request() == DownloadControl.Request.PAUSE ? "paused"
                            : "cancelled");
                    return new FileOutcome(f.path(), sizeOr0(part), null, f.sha256(), "stopped");
                }
                progress.fileState(f.path(), "verifying");
                sha = sha256(part);
                if (f.sha256() == null || f.sha256().equalsIgnoreCase(sha)) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    progress.fileState(f.path(), "done");
                    return new FileOutcome(f.path(), Files.size(target), sha, f.sha256(), null);
                }
                // a corrupted copy: throw it away and fetch the whole file once more
                Files.delete(part);
                progress.reset(f.path());
            }
            progress.fileState(f.path(), "checksum mismatch");
            return new FileOutcome(f.path(), f.size(), sha, f.sha256(), "sha256 " + sha + " does not match the Hub's "
                    + f.sha256() + " (fetched twice)");
        } catch (HubException | IOException e) {
            progress.fileState(f.path(), "failed");
            return new FileOutcome(f.path(), -1, null, f.sha256(), e.getMessage());
        }
    }

    /** Brings {@code part} to the full file; false when paused or cancelled. */
    private boolean transfer(HubListing l, HubFile f, Path part, DownloadProgress progress, DownloadControl control)
            throws HubException, IOException {
        int failures = 0;
        while (true) {
            if (control.stopped()) {
                return false;
            }
            long have = sizeOr0(part);
            if (f.size() >= 0 && have > f.size()) {
                Files.delete(part);
                progress.reset(f.path());
                have = 0;
            }
            if (f.size() >= 0 && have == f.size() && Files.exists(part)) {
                return true;
            }
            try (HubClient.Body b = hub.open(l.repo(), l.revision(), f.path(), have)) {
                if (b.status() == 416 && (f.size() < 0 || have == f.size())) {
                    return true;
                }
                if (b.status() == 416 || b.status() == 200 && have > 0 || b.status() == 206 && b.start() != have) {
                    Files.deleteIfExists(part);   // the server will not resume here: start over
                    progress.reset(f.path());
                    if (b.status() != 200) {
                        throw new IOException("the server did not resume " + f.path() + " at byte " + have);
                    }
                    have = 0;
                }
                long got = copy(b.in(), part, have > 0, f.path(), progress, control);
                if (control.stopped()) {
                    return false;
                }
                long expected = f.size() >= 0 ? f.size() : b.length() >= 0 ? have + b.length() : -1;
                if (expected >= 0 && sizeOr0(part) < expected) {
                    throw new IOException("connection closed after " + got + " bytes of " + f.path());
                }
                return true;
            } catch (IOException | HubException e) {
                if (e instanceof HubException h && h.kind() != HubException.Kind.NETWORK || ++failures > retries) {
                    throw e;
                }
                sleepBackoff(failures, control);
            }
        }
    }

    private static long copy(InputStream in, Path part, boolean append, String path, DownloadProgress progress,
                             DownloadControl control) throws IOException {
        long got = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[CHUNK];
            int r;
            while (!control.stopped() && (r = in.read(buf)) >= 0) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, r);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                got += r;
                progress.advance(path, r, true);
            }
        }
        return got;
    }

    private static void sleepBackoff(int failures, DownloadControl control) throws IOException {
        long until = System.nanoTime() + Math.min(5_000L, 100L << Math.min(failures, 6)) * 1_000_000L;
        try {
            while (System.nanoTime() < until && !control.stopped()) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Hex sha256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            int r;
            while ((r = in.read(buf)) >= 0) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOr0(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Usable bytes on the file store of {@code dir} (or its nearest existing parent), -1 when unknown. */
    public static long usableSpace(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
