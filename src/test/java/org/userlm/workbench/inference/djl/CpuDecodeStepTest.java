package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java one-token step ({@link CpuDecodeStep}) against the tensor path it replaces on the CPU, and the
 * input-major weight layout with tied embeddings (the head is then the only copy of the table).
 */
class CpuDecodeStepTest {
    @TempDir
    Path tmp;

    /** GQA (6 heads over 2 KV heads), 3 layers, an odd-sized FFN. */
    private static RandomModelWriter.Spec spec() {
        return new RandomModelWriter.Spec(96, 200, 6, 2, 3, 300, false, StDType.F32, 1, 11);
    }

    private static final long[] PROMPT = {256, 72, 105, 33, 10, 87, 104, 121};
    private static final long[] NEXT = {104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 46, 10, 257, 3, 299,
        0, 150, 42, 42};

    @Test
    void javaStepGivesTheTensorPathsLogitsAtEveryPosition() throws Exception {
        Path dir = tmp.resolve("untied");
        RandomModelWriter.write(dir, spec());
        assertSameSteps(dir);
    }

    @Test
    void javaStepReadsTiedEmbeddingsFromTheHead() throws Exception {
        Path dir = tmp.resolve("tied");
        RandomModelWriter.write(dir, spec().withTied(true));
        assertSameSteps(dir);
    }

    @Test
    void tiedHeadGivesTheLogitsOfAnUntiedCopyWithTheTableAsItsHead() throws Exception {
        Path tied = tmp.resolve("tied");
        RandomModelWriter.write(tied, spec().withTied(true));
        Path untied = untiedCopy(tied, tmp.resolve("untied-copy"));
        for (boolean javaStep : new boolean[] {true, false}) {
            List<float[]> a = steps(tied, javaStep);
            List<float[]> b = steps(untied, javaStep);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(b.get(i), a.get(i), 1e-5f, "step " + i + ", java step " + javaStep);
            }
        }
    }

    /** Prefill, then each token of {@link #NEXT}: the same logits from both paths, and the cache agrees. */
    private static void assertSameSteps(Path dir) throws Exception {
        List<float[]> java = steps(dir, true);
        List<float[]> tensor = steps(dir, false);
        for (int i = 0; i < java.size(); i++) {
            assertArrayEquals(tensor.get(i), java.get(i), 2e-5f, "step " + i);
        }
    }

    /** Logits after the prompt and after each token of {@link #NEXT}, then of a full recompute of it all. */
    private static List<float[]> steps(Path dir, boolean javaStep) throws Exception {
        try (LocalLlamaModel m = RandomModelTest.load(dir)) {
            return m.onWorker(() -> {
                LlamaForward fw = m.forward();
                fw.setCpuStep(javaStep);
                // the Java step exists on the CPU in float32, and the switch decides the path
                assertEquals(javaStep, fw.cpuStepActive());
                fw.reset();
                List<float[]> out = new ArrayList<>();
                out.add(fw.forward(PROMPT));
                for (long id : NEXT) {
                    out.add(fw.forward(new long[] {id}));
                }
                // what the steps left in the cache is what the next step reads: one more token after them
                // must equal a full recompute of the whole sequence
                float[] viaCache = fw.forward(new long[] {65});
                long[] all = new long[PROMPT.length + NEXT.length + 1];
                System.arraycopy(PROMPT, 0, all, 0, PROMPT.length);
                System.arraycopy(NEXT, 0, all, PROMPT.length, NEXT.length);
                all[all.length - 1] = 65;
                fw.reset();
                assertArrayEquals(fw.forward(all), viaCache, 2e-5f, "cache written by the steps");
                out.add(viaCache);
                return out;
            });
        }
    }

    /** The tied folder rewritten with an explicit {@code lm_head.weight} equal to the embedding table. */
    private static Path untiedCopy(Path tied, Path dst) throws Exception {
        Files.createDirectories(dst);
        try (var files = Files.list(tied)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().endsWith(".safetensors")) {
                    Files.copy(f, dst.resolve(f.getFileName()));
                }
            }
        }
        ObjectMapper om = new ObjectMapper();
        ObjectNode cfg = (ObjectNode) om.readTree(dst.resolve("config.json").toFile());
        cfg.put("tie_word_embeddings", false);
        om.writeValue(dst.resolve("config.json").toFile(), cfg);
        SafetensorsWriter w = new SafetensorsWriter();
        for (Map.Entry<String, TensorInfo> e : ModelFolder.open(tied).tensors().entrySet()) {
            float[] v = values(e.getValue());
            w.add(e.getKey(), e.getValue().shape(), v);
            if (e.getKey().equals("model.embed_tokens.weight")) {
                w.add("lm_head.weight", e.getValue().shape(), v.clone());
            }
        }
        w.write(dst.resolve("model.safetensors"), StDType.F32);
        return dst;
    }

    private static float[] values(TensorInfo t) throws Exception {
        FloatBuffer b = SafetensorsFile.map(t).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] v = new float[Math.toIntExact(t.numel())];
        b.get(v);
        return v;
    }
}
