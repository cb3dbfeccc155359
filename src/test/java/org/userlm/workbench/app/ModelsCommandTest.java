package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.testing.HubMimic;

/**
 * The {@code models} CLI contract against the Hub mimic. HF_ENDPOINT / HF_TOKEN / HF_HOME are given as system
 * properties of the same name (the environment of this JVM cannot be changed; the environment wins when set).
 */
class ModelsCommandTest {
    static final String REPO = "userlm-workbench/tiny-llama-a";
    static final String SHARD = "model-00002-of-00002.safetensors";
    @TempDir
    Path tmp;
    HubMimic hub;

    @BeforeEach
    void start() throws Exception {
        hub = HubMimic.start().repo(REPO, SharedData.goldenModel(), false)
                .file(REPO, "pytorch_model.bin", new byte[] {1});
        hub.repo("meta-llama/gated-tiny", SharedData.goldenModel(), true);
        System.setProperty("HF_ENDPOINT", hub.endpoint());
        System.setProperty("HF_HOME", tmp.resolve("hf-home").toString());
        System.setProperty("userlm.data.dir", tmp.resolve("data").toString());
    }

    @AfterEach
    void stop() {
        hub.close();
        System.clearProperty("HF_ENDPOINT");
        System.clearProperty("HF_TOKEN");
        System.clearProperty("HF_HOME");
        System.clearProperty("userlm.data.dir");
    }

    @Test
    void downloadPrintsTheContractLineAndListShowsTheFolder() throws Exception {
        Path dir = tmp.resolve("out");
        Cli.Result r = Cli.run("models", "download", REPO, "--revision", "main", "--to", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.lastLine());
        assertEquals(REPO, j.get("repo").asText());
        assertEquals("main", j.get("revision").asText());
        assertEquals(dir.toAbsolutePath().toString(), j.get("dir").asText());
        assertEquals(8, j.get("files").size());
        for (JsonNode f : j.get("files")) {
            Path p = dir.resolve(f.get("path").asText());
            assertEquals(Files.size(p), f.get("size").asLong());
            assertEquals(HubMimic.sha256(Files.readAllBytes(p)), f.get("sha256").asText());
        }
        assertFalse(Files.exists(dir.resolve("pytorch_model.bin")));
        assertTrue(r.err().contains("pickled"), r.err());

        Cli.Result again = Cli.run("models", "download", REPO, "--to", dir.toString());
        assertEquals(0, again.exit());
        assertEquals(1, hub.cdnRequests(SHARD).size(), "complete files are not fetched again");

        Cli.Result list = Cli.run("models", "list", "--json");
        assertEquals(0, list.exit(), list.err());
        JsonNode l = new ObjectMapper().readTree(list.lastLine());
        assertEquals(5, l.get("descriptors").size());
        assertEquals(5, l.get("endpoints").size());
        assertEquals("http://127.0.0.1:11434/v1", l.get("endpoints").get(1).get("base_url").asText());
        Cli.Result text = Cli.run("models", "list");
        assertTrue(text.out().contains("UserLM-8b") && text.out().contains("needs 19.4 GB on gpu in F16"),
                text.out());
    }

    @Test
    void defaultTargetIsTheDataFolderAndTheManifestNamesTheRepo() throws Exception {
        Cli.Result r = Cli.run("models", "download", "tiny-llama-a");   // a descriptor id stands for its repo
        assertEquals(0, r.exit(), r.err());
        Path dir = tmp.resolve("data/downloads/userlm-workbench--tiny-llama-a");
        assertEquals(dir.toAbsolutePath().toString(), new ObjectMapper().readTree(r.lastLine()).get("dir").asText());
        JsonNode l = new ObjectMapper().readTree(Cli.run("models", "list", "--json").lastLine());
        JsonNode f = l.get("folders").get(0);
        assertEquals(REPO, f.get("repo").asText());
        assertTrue(f.get("loadable").asBoolean());
    }

    @Test
    void aModelInTheHuggingFaceCacheIsUsedInPlace() throws Exception {
        Path model = tmp.resolve("hf-home/hub/models--userlm-workbench--tiny-llama-a");
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Files.createDirectories(model.resolve("refs"));
        Files.writeString(model.resolve("refs/main"), commit);
        Path snap = model.resolve("snapshots").resolve(commit);
        Files.createDirectories(model.resolve("blobs"));
        Files.createDirectories(snap);
        try (var s = Files.list(SharedData.goldenModel())) {
            for (Path p : s.toList()) {
                byte[] b = Files.readAllBytes(p);
                Path blob = model.resolve("blobs").resolve(HubMimic.sha256(b));
                Files.write(blob, b);
                Files.createSymbolicLink(snap.resolve(p.getFileName().toString()), blob);
            }
        }
        Cli.Result r = Cli.run("models", "download", REPO);
        assertEquals(0, r.exit(), r.err());
        assertEquals(snap.toString(), new ObjectMapper().readTree(r.lastLine()).get("dir").asText());
        assertTrue(r.err().contains("used in place"), r.err());
        assertTrue(hub.requests().stream().noneMatch(q -> q.path().startsWith("/cdn/")), "nothing fetched");
        JsonNode l = new ObjectMapper().readTree(Cli.run("models", "list", "--json").lastLine());
        assertTrue(l.get("folders").toString().contains("hf-cache"), l.toString());

        hub.close();   // offline: the cache is still used, with the sha256 the blobs are named by
        Cli.Result offline = Cli.run("models", "download", REPO);
        assertEquals(0, offline.exit(), offline.err());
        JsonNode o = new ObjectMapper().readTree(offline.lastLine());
        assertEquals(snap.toString(), o.get("dir").asText());
        assertEquals(8, o.get("files").size());
        assertTrue(offline.err().contains("cannot be reached"), offline.err());
    }

    @Test
    void aFileThatStaysCorruptedExitsFour() throws Exception {
        hub.corrupt(SHARD, 2);
        Cli.Result r = Cli.run("models", "download", REPO, "--to", tmp.resolve("bad").toString());
        assertEquals(4, r.exit(), r.err());
        assertTrue(r.err().contains(SHARD) && r.err().contains("does not match"), r.err());
        JsonNode j = new ObjectMapper().readTree(r.lastLine());
        assertEquals(REPO, j.get("repo").asText());
    }

    @Test
    void gatedModelsExitThreeWithTheExplanationAndTheTokenIsHonoured() throws Exception {
        Cli.Result r = Cli.run("models", "download", "meta-llama/gated-tiny", "--to", tmp.resolve("g").toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("accept its licence") && r.err().contains("HF_TOKEN"), r.err());
        System.setProperty("HF_TOKEN", HubMimic.TOKEN);
        Cli.Result ok = Cli.run("models", "download", "meta-llama/gated-tiny", "--to", tmp.resolve("g").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertFalse(ok.out().contains(HubMimic.TOKEN) || ok.err().contains(HubMimic.TOKEN));
        assertEquals(2, Cli.run("models", "download", "not a repo").exit());
    }

    @Test
    void gpuReportsTheMachineAndTheFitOfAModel() {
        Cli.Result r = Cli.run("models", "gpu", "--model", "llama-3.2-1b-instruct");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Llama-3.2-1B-Instruct needs 6.6 GB in F32"), r.out());
        assertTrue(r.out().contains("CUDA libtorch not installed"), r.out());
        assertEquals(2, Cli.run("models", "gpu", "--model", "no-such-model").exit());
    }
}
