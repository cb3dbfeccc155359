package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.inference.CancellationToken;

/** Each malformed folder gives one clear ModelLoadException, never a JVM crash. */
class MalformedFolderTest {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void writeModel() throws IOException {
        dir = tmp.resolve("m");
        RandomModelWriter.write(dir, RandomModelWriter.preset("tiny").withDtype(StDType.BF16));
    }

    private String fails(Path d, String... expected) {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> LocalModels.load(d, new LoadOptions("cpu", 64, true), ProgressListener.NONE, null).close());
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' lacks '" + s + "'");
        }
        return e.getMessage();
    }

    private void writeHeader(Path file, String json, byte[] data) throws IOException {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Files.write(file, b.array());
    }

    @Test
    void missingConfig() throws IOException {
        Files.delete(dir.resolve("config.json"));
        fails(dir, "config.json is missing");
    }

    @Test
    void missingTokenizer() throws IOException {
        Files.delete(dir.resolve("tokenizer.json"));
        fails(dir, "tokenizer.json is missing");
    }

    @Test
    void missingWeights() throws IOException {
        Files.delete(dir.resolve("model.safetensors"));
        fails(dir, "no weights");
    }

    @Test
    void pickledWeightsAreRefused() throws IOException {
        Files.move(dir.resolve("model.safetensors"), dir.resolve("pytorch_model.bin"));
        fails(dir, "pytorch_model.bin", "pickled weights are never loaded; convert to safetensors");
    }

    @Test
    void headerLongerThanFile() throws IOException {
        Path f = dir.resolve("model.safetensors");
        try (var ch = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40));
        }
        fails(dir, "model.safetensors", "header length");
    }

    @Test
    void headerNotJson() throws IOException {
        writeHeader(dir.resolve("model.safetensors"), "{\"a\": [1, 2", new byte[0]);
        fails(dir, "model.safetensors", "not valid JSON");
    }

    @Test
    void headerLiesAboutSize() throws IOException {
        writeHeader(dir.resolve("model.safetensors"),
                "{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}", new byte[8]);
        fails(dir, "tensor x", "span 8 bytes", "needs 16");
    }

    @Test
    void overlappingOffsets() throws IOException {
        writeHeader(dir.resolve("model.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
        fails(dir, "overlaps");
    }

    @Test
    void unknownDtype() throws IOException {
        writeHeader(dir.resolve("model.safetensors"),
                "{\"x\":{\"dtype\":\"I8\",\"shape\":[4],\"data_offsets\":[0,4]}}", new byte[4]);
        fails(dir, "tensor x", "unsupported dtype I8");
    }

    @Test
    void truncatedShard() throws IOException {
        Path f = dir.resolve("model.safetensors");
        try (var ch = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        fails(dir, "model.safetensors", "truncated");
    }

    @Test
    void trailingBytes() throws IOException {
        Files.write(dir.resolve("model.safetensors"), new byte[16], StandardOpenOption.APPEND);
        fails(dir, "16 bytes after the last tensor");
    }

    @Test
    void indexNamesMissingShard() throws IOException {
        Path d = tmp.resolve("sharded");
        RandomModelWriter.write(d, RandomModelWriter.preset("tiny").withShards(2));
        Files.delete(d.resolve("model-00002-of-00002.safetensors"));
        fails(d, "model-00002-of-00002.safetensors", "missing");
    }

    @Test
    void configDoesNotMatchTensors() throws IOException {
        Path c = dir.resolve("config.json");
        Files.writeString(c, Files.readString(c).replace("\"hidden_size\" : 64", "\"hidden_size\" : 128"));
        fails(dir, "model.embed_tokens.weight", "[300, 64]", "[300, 128]");
    }

    @Test
    void unsupportedArchitecture() throws IOException {
        Path c = dir.resolve("config.json");
        Files.writeString(c, Files.readString(c).replace("LlamaForCausalLM", "MistralForCausalLM")
                .replace("\"llama\"", "\"mistral\""));
        fails(dir, "config.json", "MistralForCausalLM");
    }

    @Test
    void cancelledLoad() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> LocalModels.load(dir,
                new LoadOptions("cpu", 64, true), ProgressListener.NONE, cancel));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    }

    @Test
    void memoryCheckRefusesWithClearMessage() throws Exception {
        LlamaConfig c = ModelFolder.open(dir).config();
        MemoryEstimate est = MemoryEstimate.of(c, 8_000_000_000L, 4, 8192);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> est.check(16_000_000_000L, "cpu()"));
        assertTrue(e.getMessage().contains("needs 35.") && e.getMessage().contains("16.0 GB free"),
                e.getMessage());
    }
}
