package org.userlm.workbench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.testing.HubMimic;

/** The downloader against a loopback Hub mimic serving the golden tiny model. */
class DownloaderTest {
    static final String REPO = "userlm-workbench/tiny-llama-a";
    static final String SHARD = "model-00001-of-00002.safetensors";

    @TempDir
    Path tmp;
    HubMimic hub;

    @BeforeEach
    void start() throws IOException {
        hub = HubMimic.start().repo(REPO, SharedData.goldenModel(), false)
                .file(REPO, "pytorch_model.bin", new byte[] {1, 2, 3})
                .file(REPO, "original/consolidated.00.pth", new byte[] {4, 5});
        hub.repo("meta-llama/gated-tiny", SharedData.goldenModel(), true);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubClient client(String token) {
        return new HubClient(hub.endpoint(), token, 5_000, 5_000);
    }

    private DownloadResult download(HubClient c, String repo, Path dir, int retries) throws Exception {
        HubListing l = c.listing(repo, "main");
        return new Downloader(c, 3, retries, p -> Long.MAX_VALUE).download(l, dir, new DownloadProgress(),
                new DownloadControl());
    }

    static void assertSameAsFixture(Path dir) throws IOException {
        Path golden = SharedData.goldenModel();
        try (Stream<Path> s = Files.list(golden)) {
            for (Path f : s.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve(f.getFileName())),
                        f.getFileName().toString());
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".incomplete")), "no partial file left");
        }
    }

    @Test
    void listsFollowsRedirectsSkipsPickledFilesAndNeverSendsTheTokenToTheCdn() throws Exception {
        HubListing l = client(HubMimic.TOKEN).listing(REPO, "main");
        assertEquals(10, l.files().size());
        assertEquals(8, l.wanted().size());
        HubFile shard = l.files().stream().filter(f -> f.path().equals(SHARD)).findFirst().orElseThrow();
        assertEquals(178448, shard.size());
        assertEquals("1528195a95df7a9f55c8342d03d73f6fe57a6ce85ffc50ac9fc638af5e36958e", shard.sha256());

        Path dir = tmp.resolve("tiny");
        DownloadResult r = download(client(HubMimic.TOKEN), REPO, dir, 0);
        assertTrue(r.ok(), r.toString());
        assertSameAsFixture(dir);
        assertFalse(Files.exists(dir.resolve("pytorch_model.bin")));
        assertTrue(hub.requests().stream().noneMatch(q -> q.path().endsWith(".bin") || q.path().endsWith(".pth")));
        assertTrue(hub.requests().stream().filter(q -> q.path().contains("/resolve/")).allMatch(q -> q.authorized()),
                "the token goes to the endpoint");
        assertFalse(hub.cdnRequests(SHARD).isEmpty());
        assertTrue(hub.requests().stream().filter(q -> q.path().startsWith("/cdn/")).noneMatch(q -> q.authorized()),
                "the token never goes to another host");
    }

    @Test
    void aConnectionCutMidFileIsResumedWithRange() throws Exception {
        hub.cutOnce(SHARD, 50_000);
        Path dir = tmp.resolve("cut");
        DownloadResult r = download(client(null), REPO, dir, 3);
        assertTrue(r.ok(), r.toString());
        assertSameAsFixture(dir);
        List<HubMimic.Request> reqs = hub.cdnRequests(SHARD);
        assertEquals(2, reqs.size(), reqs.toString());
        assertEquals(null, reqs.get(0).range());
        long resumedAt = Long.parseLong(reqs.get(1).range().replaceAll("bytes=(\\d+)-", "$1"));
        assertTrue(resumedAt > 0 && resumedAt <= 50_000, reqs.get(1).range());
    }

    @Test
    void aSecondRunResumesThePartialFile() throws Exception {
        hub.cutOnce(SHARD, 60_000);
        Path dir = tmp.resolve("rerun");
        DownloadResult first = download(client(null), REPO, dir, 0);
        assertFalse(first.ok());
        long partial = Files.size(dir.resolve(SHARD + ".incomplete"));
        assertTrue(partial > 0 && partial <= 60_000, "partial " + partial);
        DownloadResult second = download(client(null), REPO, dir, 0);
        assertTrue(second.ok(), second.toString());
        assertSameAsFixture(dir);
        List<HubMimic.Request> reqs = hub.cdnRequests(SHARD);
        assertEquals("bytes=" + partial + "-", reqs.get(reqs.size() - 1).range());
    }

    @Test
    void aCorruptedByteIsFetchedAgainOnceThenReported() throws Exception {
        hub.corrupt(SHARD, 1);
        Path dir = tmp.resolve("once");
        assertTrue(download(client(null), REPO, dir, 0).ok());
        assertSameAsFixture(dir);
        assertEquals(2, hub.cdnRequests(SHARD).size());

        hub.corrupt(SHARD, 2);
        Path dir2 = tmp.resolve("twice");
        DownloadResult r = download(client(null), REPO, dir2, 0);
        assertFalse(r.ok());
        assertTrue(r.anyChecksumMismatch());
        DownloadResult.FileOutcome bad = r.files().stream().filter(f -> f.path().equals(SHARD)).findFirst()
                .orElseThrow();
        assertTrue(bad.checksumMismatch(), bad.toString());
        assertFalse(Files.exists(dir2.resolve(SHARD)), "a corrupted file is never put in place");
    }

    @Test
    void gatedModelsExplainHowToGetAccess() throws Exception {
        HubException e = assertThrows(HubException.class, () -> client(null).listing("meta-llama/gated-tiny", "main"));
        assertEquals(HubException.Kind.GATED, e.kind());
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("HF_TOKEN")
                && e.getMessage().contains(hub.endpoint() + "/meta-llama/gated-tiny"), e.getMessage());
        HubException wrong = assertThrows(HubException.class,
                () -> client("hf_wrong_token").listing("meta-llama/gated-tiny", "main"));
        assertFalse(wrong.getMessage().contains("hf_wrong_token"), "the token never appears in a message");
        assertTrue(download(client(HubMimic.TOKEN), "meta-llama/gated-tiny", tmp.resolve("g"), 0).ok());
    }

    @Test
    void notEnoughDiskStopsBeforeTheFirstByte() throws Exception {
        HubClient c = client(null);
        HubListing l = c.listing(REPO, "main");
        IOException e = assertThrows(IOException.class, () -> new Downloader(c, 2, 0, p -> 100_000L)
                .download(l, tmp.resolve("full"), new DownloadProgress(), new DownloadControl()));
        assertTrue(e.getMessage().contains("not enough disk space"), e.getMessage());
        assertTrue(hub.requests().stream().noneMatch(q -> q.path().startsWith("/cdn/")));
    }

    @Test
    void pauseKeepsPartialFilesAndTheNextRunFinishes() throws Exception {
        hub.throttle(200_000);
        HubClient c = client(null);
        HubListing l = c.listing(REPO, "main");
        Path dir = tmp.resolve("paused");
        DownloadControl control = new DownloadControl();
        DownloadProgress progress = new DownloadProgress();
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (progress.snapshot().done() < 40_000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            control.pause();
        });
        t.start();
        DownloadResult r = new Downloader(c, 2, 0, p -> Long.MAX_VALUE).download(l, dir, progress, control);
        t.join();
        assertEquals("paused", r.status());
        assertTrue(Files.exists(dir.resolve(SHARD + ".incomplete")));
        hub.throttle(-1);
        DownloadProgress again = new DownloadProgress();
        DownloadResult done = new Downloader(c, 2, 0, p -> Long.MAX_VALUE).download(l, dir, again,
                new DownloadControl());
        assertTrue(done.ok(), done.toString());
        assertSameAsFixture(dir);
        assertEquals(again.snapshot().total(), again.snapshot().done());
    }
}
