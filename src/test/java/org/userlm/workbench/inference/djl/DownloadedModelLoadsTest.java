package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.models.DownloadControl;
import org.userlm.workbench.models.DownloadProgress;
import org.userlm.workbench.models.DownloadResult;
import org.userlm.workbench.models.Downloader;
import org.userlm.workbench.models.HubClient;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.testing.HubMimic;

/** A model downloaded from the Hub mimic (through a cut connection) loads and reproduces the golden ids. */
class DownloadedModelLoadsTest {

    @Test
    void downloadedFolderLoadsAndGeneratesTheGoldenIds(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("tiny");
        try (HubMimic hub = HubMimic.start().repo("userlm-workbench/tiny-llama-a", SharedData.goldenModel(), false)) {
            hub.cutOnce("model-00002-of-00002.safetensors", 30_000).corrupt("model-00001-of-00002.safetensors", 1);
            HubClient c = new HubClient(hub.endpoint(), null, 5_000, 5_000);
            DownloadResult r = new Downloader(c, 2, 2, p -> Long.MAX_VALUE).download(
                    c.listing("userlm-workbench/tiny-llama-a", "main"), dir, new DownloadProgress(),
                    new DownloadControl());
            assertTrue(r.ok(), r.toString());
        }
        JsonNode golden = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        JsonNode c0 = golden.get("cases").get(0);
        try (LocalLlamaModel m = LocalModels.load(dir, new LoadOptions("cpu", 128, true), ProgressListener.NONE,
                new CancellationToken())) {
            long[] ids = m.encode(c0.get("text").asText(), c0.get("add_bos").asBoolean());
            assertArrayEquals(longs(c0.get("ids")), ids);
            LocalGeneration g = m.generateIds(ids, GenerationParams.greedy(12), Constraints.NONE, List.of(), null,
                    null);
            assertArrayEquals(longs(c0.get("greedy_ids")), g.generatedIds());
        }
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }
}
