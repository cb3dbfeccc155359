package org.userlm.workbench.storage.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.userlm.workbench.storage.StorageException;

/**
 * One runner per experiment: an exclusive lock on {@code <database>-<experiment id>.lock}. The operating system
 * releases it when the process ends, however it ends, so a resume right after kill -9 is allowed while two live
 * processes can never run (and reset) the same experiment.
 */
final class ExperimentLocks {
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private ExperimentLocks() {
    }

    static Path file(Path db, String experimentId) {
        Path abs = db.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + "-" + experimentId.replaceAll("[^A-Za-z0-9_-]", "_") + ".lock");
    }

    static Optional<AutoCloseable> claim(Path db, String experimentId) {
        Path f = file(db, experimentId);
        synchronized (HELD) {
            if (HELD.containsKey(f)) {
                return Optional.empty();
            }
            try {
                FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    ch.close();
                    return Optional.empty();
                }
                HELD.put(f, lock);
                FileLock held = lock;
                return Optional.of(() -> release(f, held));
            } catch (IOException e) {
                throw new StorageException("cannot lock " + f + ": " + e.getMessage(), e);
            }
        }
    }

    private static void release(Path f, FileLock lock) throws IOException {
        synchronized (HELD) {
            if (HELD.remove(f, lock)) {
                lock.release();
                lock.channel().close();
            }
        }
    }

    static boolean isClaimed(Path db, String experimentId) {
        Path f = file(db, experimentId);
        synchronized (HELD) {
            if (HELD.containsKey(f)) {
                return true;
            }
            if (!Files.exists(f)) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    return true;
                }
                lock.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
