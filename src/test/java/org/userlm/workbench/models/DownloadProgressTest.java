package org.userlm.workbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Speed over the last five seconds and time left, on a hand-driven clock. */
class DownloadProgressTest {
    @Test
    void speedCountsOnlyNewBytesAndEtaFollowsIt() {
        AtomicLong now = new AtomicLong();
        DownloadProgress p = new DownloadProgress(now::get);
        p.addFile("a.safetensors", 10_000_000, 2_000_000);   // 2 MB already on disk from an earlier run
        p.addFile("config.json", 1_000, 0);
        p.snapshot();
        now.addAndGet(2_000_000_000L);
        p.advance("a.safetensors", 4_000_000, true);
        DownloadProgress.Snapshot s = p.snapshot();
        assertEquals(10_001_000, s.total());
        assertEquals(6_000_000, s.done());
        assertEquals(2_000_000, s.bytesPerSecond(), 1);
        assertEquals(3, s.etaSeconds());   // 4,001,000 bytes left at 2 MB/s
        assertEquals("6.0 MB of 10.0 MB (60%), 2.0 MB/s, 3 s left", s.line());
        p.reset("a.safetensors");
        assertEquals(0, p.snapshot().done());
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        AtomicLong now = new AtomicLong();
        DownloadProgress p = new DownloadProgress(now::get);
        p.addFile("f", 100_000_000, 0);
        p.snapshot();
        now.addAndGet(1_000_000_000L);
        p.advance("f", 50_000_000, true);    // a fast first second
        p.snapshot();
        for (int i = 0; i < 10; i++) {
            now.addAndGet(1_000_000_000L);
            p.advance("f", 1_000_000, true);  // then 1 MB/s
            p.snapshot();
        }
        assertEquals(1_000_000, p.snapshot().bytesPerSecond(), 1);
        assertEquals("2 h 05 min", DownloadProgress.duration(7500));
        assertEquals("5 min 30 s", DownloadProgress.duration(330));
    }
}
