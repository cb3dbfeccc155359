package org.userlm.workbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.models.ModelDescriptor.MemoryFigure;
import org.userlm.workbench.tasks.SharedData;

/** The bundled descriptors: parameters and memory figures recomputed, the tiny model's files checked. */
class ModelDescriptorsTest {

    @Test
    void bundlesTheFiveModels() {
        List<String> ids = ModelCatalog.bundled().stream().map(ModelDescriptor::id).toList();
        assertEquals(List.of("userlm-8b", "llama-3.1-8b-instruct", "llama-3.2-3b-instruct",
                "llama-3.2-1b-instruct", "tiny-llama-a"), ids);
        ModelDescriptor u = ModelCatalog.load(null).find("microsoft/UserLM-8b").orElseThrow();
        assertEquals("user_simulator", u.role());
        assertEquals(1.0, u.sampling().temperature());
        assertTrue(ModelCatalog.load(null).find("llama-3.1-8b-instruct").orElseThrow().licence().gated());
    }

    @Test
    void parameterCountsAndMemoryFiguresFollowTheShape() {
        for (ModelDescriptor d : ModelCatalog.bundled()) {
            assertEquals(d.parameters(), ModelMemory.parameters(d.architecture()), d.id() + " parameters");
            assertEquals(2, d.memory().size(), d.id());
            for (MemoryFigure m : d.memory()) {
                assertEquals(ModelMemory.figure(d.parameters(), d.architecture(), d.contextTokens(), m.device(),
                        m.dtype()), m, d.id() + " memory on " + m.device());
            }
        }
    }

    @Test
    void shardSizesAreConsistentWithTheParameterCount() {
        for (ModelDescriptor d : ModelCatalog.bundled()) {
            long weights = d.files().stream().filter(f -> f.path().endsWith(".safetensors"))
                    .mapToLong(f -> f.size() == null ? 0 : f.size()).sum();
            long expected = d.parameters() * ModelMemory.bytesPer(d.storedDtype());
            assertTrue(weights >= expected && weights < expected + 1_000_000,
                    d.id() + ": shards " + weights + " vs " + expected + " bytes of tensors");
        }
    }

    @Test
    void tinyModelFilesMatchTheFixture() throws Exception {
        Path dir = SharedData.goldenModel();
        ModelDescriptor t = ModelCatalog.load(null).find("tiny-llama-a").orElseThrow();
        for (ModelDescriptor.FileEntry f : t.files()) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f.path()));
            assertEquals(f.size().longValue(), bytes.length, f.path());
            assertEquals(f.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void userDescriptorsAddAndReplaceAndBadOnesAreReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.json"), """
                {"id": "my-model", "name": "Mine", "repo": "me/my-model", "role": "assistant",
                 "files": [{"path": "model.safetensors", "size": 10, "verified": true}]}""");
        Files.writeString(dir.resolve("override.json"), """
                {"id": "userlm-8b", "name": "UserLM local fork", "repo": "me/userlm-fork"}""");
        Files.writeString(dir.resolve("broken.json"), "{\"name\": \"no id\"}");
        ModelCatalog c = ModelCatalog.load(dir);
        assertEquals("me/my-model", c.find("my-model").orElseThrow().repo());
        assertEquals("me/userlm-fork", c.find("userlm-8b").orElseThrow().repo());
        assertEquals("main", c.find("my-model").orElseThrow().revision());
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).contains("broken.json") && c.problems().get(0).contains("\"id\""),
                c.problems().get(0));
    }
}
