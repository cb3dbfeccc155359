package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;

/** Engine behaviour on generated random models of other shapes. */
class RandomModelTest {
    @TempDir
    static Path tmp;
    private static LocalLlamaModel f32;
    private static LocalLlamaModel bf16Sharded;
    private static final long[] PROMPT = {256, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100};

    static RandomModelWriter.Spec spec() {
        return new RandomModelWriter.Spec(96, 200, 6, 2, 3, 300, false, StDType.F32, 1, 7);
    }

    static LocalLlamaModel load(Path dir) throws Exception {
        return LocalModels.load(dir, new LoadOptions("cpu", 128, true), ProgressListener.NONE, null);
    }

    @BeforeAll
    static void setUp() throws Exception {
        RandomModelWriter.write(tmp.resolve("f32"), spec());
        RandomModelWriter.write(tmp.resolve("bf16"), spec().withDtype(StDType.BF16).withShards(3));
        f32 = load(tmp.resolve("f32"));
        bf16Sharded = load(tmp.resolve("bf16"));
    }

    @AfterAll
    static void tearDown() {
        f32.close();
        bf16Sharded.close();
    }

    @Test
    void aThreadCountFromTheLoadOptionsIsAppliedOnTheWorkerAndKeepsTheLogits() throws Exception {
        int before = f32.onWorker(JniUtils::getNumThreads);
        try (LocalLlamaModel two = LocalModels.load(tmp.resolve("f32"), new LoadOptions("cpu", 128, true, 2),
                ProgressListener.NONE, null)) {
            assertTrue(two.threads().startsWith("2 (set with --threads)"), two.threads());
            assertEquals(2, (int) two.onWorker(JniUtils::getNumThreads));
            assertArrayEquals(two.lastLogits(PROMPT), f32.lastLogits(PROMPT), 1e-4f);
        } finally {
            f32.onWorker(() -> {
                JniUtils.setNumThreads(before); // PyTorch may keep the count process-wide: later tests get theirs
                return null;
            });
        }
        assertTrue(f32.threads().matches("\\d+ \\(.+\\)"), f32.threads());
    }

    @Test
    void bf16ShardedCopyGivesSameLogitsAndGreedyIds() throws Exception {
        assertTrue(Files.exists(tmp.resolve("bf16/model.safetensors.index.json")));
        float[] a = f32.lastLogits(PROMPT);
        float[] b = bf16Sharded.lastLogits(PROMPT);
        assertArrayEquals(a, b, 1e-5f);
        assertArrayEquals(greedy(f32, 10), greedy(bf16Sharded, 10));
    }

    @Test
    void tensorsLoadedInRowChunksAreIdentical() throws Exception {
        long saved = LlamaWeights.chunkBytes;
        LlamaWeights.chunkBytes = 4096; // forces the chunked path (rows converted in blocks, then concatenated)
        try (LocalLlamaModel m = load(tmp.resolve("bf16"))) {
            assertArrayEquals(f32.lastLogits(PROMPT), m.lastLogits(PROMPT), 1e-5f);
        } finally {
            LlamaWeights.chunkBytes = saved;
        }
    }

    @Test
    void f16StoredCopyIsClose() throws Exception {
        RandomModelWriter.write(tmp.resolve("f16"), spec().withDtype(StDType.F16));
        try (LocalLlamaModel m = load(tmp.resolve("f16"))) {
            assertArrayEquals(f32.lastLogits(PROMPT), m.lastLogits(PROMPT), 1e-3f);
        }
    }

    @Test
    void kvCacheDecodeMatchesFullRecompute() throws Exception {
        long[] gen = greedy(f32, 8);
        List<float[]> stepLogits = f32.onWorker(() -> {
            LlamaForward fw = f32.forward();
            fw.reset();
            List<float[]> out = new ArrayList<>();
            out.add(fw.forward(PROMPT));
            for (long id : gen) {
                out.add(fw.forward(new long[] {id}));
            }
            return out;
        });
        for (int i = 0; i < gen.length; i++) {
            long[] prefix = new long[PROMPT.length + i];
            System.arraycopy(PROMPT, 0, prefix, 0, PROMPT.length);
            System.arraycopy(gen, 0, prefix, PROMPT.length, i);
            assertArrayEquals(f32.lastLogits(prefix), stepLogits.get(i), 1e-4f, "step " + i);
        }
    }

    @Test
    void chunkedPrefillGivesTheWholePrefillsLogitsAndCache() throws Exception {
        long[] prompt = new long[41];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = (i * 37 + 11) % 300;
        }
        List<float[]> whole = prefillThenStep(prompt, 1000, false);
        for (boolean freeEachLayer : new boolean[] {false, true}) {
            for (int chunk : new int[] {1, 7, 40}) {
                String what = "chunk " + chunk + (freeEachLayer ? ", freed per layer" : "");
                List<float[]> chunked = prefillThenStep(prompt, chunk, freeEachLayer);
                assertArrayEquals(whole.get(0), chunked.get(0), 2e-5f, "prefill logits, " + what);
                assertArrayEquals(whole.get(1), chunked.get(1), 2e-5f, "next step over the cache, " + what);
            }
            int before = f32.onWorker(() -> f32.forward().manager().getManagedArrays().size());
            prefillThenStep(prompt, 7, freeEachLayer);
            assertEquals(before, (int) f32.onWorker(() -> f32.forward().manager().getManagedArrays().size()));
        }
    }

    /** Logits of a prefill of {@code prompt} in chunks of {@code chunk}, then of one more token over the cache. */
    private static List<float[]> prefillThenStep(long[] prompt, int chunk, boolean freeEachLayer) throws Exception {
        return f32.onWorker(() -> {
            LlamaForward fw = f32.forward();
            fw.setPrefillChunk(chunk);
            fw.setFreeEachLayer(freeEachLayer);
            try {
                fw.reset();
                return List.of(fw.forward(prompt), fw.forward(new long[] {42}));
            } finally {
                fw.setPrefillChunk(256);
                fw.setFreeEachLayer(false);
            }
        });
    }

    @Test
    void tiedEmbeddingsUseTheEmbeddingMatrix() throws Exception {
        Path dir = tmp.resolve("tied");
        RandomModelWriter.write(dir, spec().withTied(true).withDtype(StDType.BF16));
        assertFalse(new String(Files.readAllBytes(dir.resolve("model.safetensors")), 0, 4000,
                StandardCharsets.ISO_8859_1).contains("lm_head"));
        try (LocalLlamaModel m = load(dir)) {
            float[] logits = m.lastLogits(PROMPT);
            assertEquals(300, logits.length);
            assertEquals(10, greedy(m, 10).length);
        }
    }

    @Test
    void chatModelContractRendersTemplateAndCounts() throws Exception {
        List<ChatMessage> msgs = List.of(ChatMessage.system("You are a user."), ChatMessage.assistant("Hi!"));
        StringBuilder streamed = new StringBuilder();
        GenerationResult r = f32.generate(new GenerationRequest(msgs, GenerationParams.greedy(6)),
                streamed::append, new CancellationToken());
        String prompt = f32.renderChat(msgs);
        assertTrue(prompt.endsWith("<|start_header_id|>user<|end_header_id|>"));
        assertEquals(f32.encode(prompt, false).length, r.promptTokens());
        assertTrue(r.completionTokens() >= 1 && r.completionTokens() <= 6);
        assertEquals(r.text(), streamed.toString());
        assertTrue(r.firstTokenNanos() > 0 && r.totalNanos() >= r.firstTokenNanos());
    }

    @Test
    void chatTemplateJinjaFileTakesPrecedence() throws Exception {
        Path dir = tmp.resolve("jinja");
        RandomModelWriter.write(dir, RandomModelWriter.preset("tiny"));
        Files.writeString(dir.resolve("chat_template.jinja"),
                "{{ bos_token }}{% for m in messages %}[{{ m['role'] }}]{{ m['content'] }}{% endfor %}"
                        + "{% if add_generation_prompt %}[user]{% endif %}");
        try (LocalLlamaModel m = load(dir)) {
            assertEquals("<|begin_of_text|>[system]x[user]", m.renderChat(List.of(ChatMessage.system("x"))));
        }
    }

    @Test
    void decodingLeaksNoNativeArrays() throws Exception {
        int before = f32.onWorker(() -> f32.forward().manager().getManagedArrays().size());
        f32.generateIds(PROMPT, GenerationParams.greedy(20), Constraints.NONE, List.of(), null, null);
        int after = f32.onWorker(() -> f32.forward().manager().getManagedArrays().size());
        assertEquals(before, after);
    }

    @Test
    void seededSamplingIsReproducible() throws Exception {
        GenerationParams p = new GenerationParams(1.0, 0.9, 50, 10, 42L);
        long[] a = f32.generateIds(PROMPT, p, Constraints.NONE, List.of(), null, null).generatedIds();
        long[] b = f32.generateIds(PROMPT, p, Constraints.NONE, List.of(), null, null).generatedIds();
        assertArrayEquals(a, b);
    }

    @Test
    void stopStringCutsTextAndStops() throws Exception {
        LocalGeneration full = f32.generateIds(PROMPT, GenerationParams.greedy(10), Constraints.NONE, List.of(),
                null, null);
        String stop = full.text().substring(3, 5);
        int at = full.text().indexOf(stop);
        LocalGeneration g = f32.generateIds(PROMPT, GenerationParams.greedy(10), Constraints.NONE, List.of(stop),
                null, null);
        assertEquals(FinishReason.STOP, g.finishReason());
        assertEquals(full.text().substring(0, at), g.text());
    }

    @Test
    void cancellationBetweenTokensKeepsPartialText() throws Exception {
        CancellationToken cancel = new CancellationToken();
        StringBuilder sb = new StringBuilder();
        LocalGeneration g = f32.generateIds(PROMPT, GenerationParams.greedy(50), Constraints.NONE, List.of(),
                d -> {
                    sb.append(d);
                    cancel.cancel();
                }, cancel);
        assertEquals(FinishReason.CANCELLED, g.finishReason());
        assertTrue(g.generatedIds().length < 50);
        assertEquals(sb.toString(), g.text());
    }

    @Test
    void bansMaskFirstWordsAndEndToken() throws Exception {
        f32.onWorker(() -> {
            ConstraintMasks m = new ConstraintMasks(new Constraints(List.of("I"), List.of("<|endconversation|>")),
                    f32.tokenizer(), 300);
            float[] l = new float[300];
            m.apply(l, " ");
            assertEquals(Float.NEGATIVE_INFINITY, l['I']);
            assertEquals(0f, l['J']);
            assertEquals(Float.NEGATIVE_INFINITY, l[261]); // <|endconversation|>
            float[] l2 = new float[300];
            m.apply(l2, "Hello");
            assertEquals(0f, l2['I']);
            float[] l3 = new float[300];
            m.apply(l3, "x <|endconversation|");
            assertEquals(Float.NEGATIVE_INFINITY, l3['>']);
            assertEquals(0f, l3['<']);
            return null;
        });
        LocalGeneration g = f32.generateIds(PROMPT, GenerationParams.greedy(1), Constraints.NONE, List.of(), null,
                null);
        int first = (int) g.generatedIds()[0];
        String firstText = f32.decode(new long[] {first});
        LocalGeneration banned = f32.generateIds(PROMPT, GenerationParams.greedy(1),
                new Constraints(List.of(firstText.strip()), List.of()), List.of(), null, null);
        if (!firstText.isBlank()) {
            assertTrue(banned.generatedIds()[0] != first);
        }
    }

    @Test
    void streamingNeverSplitsUtf8() throws Exception {
        String s = "h\u00e9llo \uD83E\uDD99 \u4e16\u754c";
        long[] ids = f32.encode(s, false);
        StreamDecoder d = new StreamDecoder(f32.tokenizer(), List.of());
        List<String> parts = new ArrayList<>();
        for (long id : ids) {
            d.add(id);
            String p = d.take(false);
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        parts.add(d.take(true));
        assertEquals(s, String.join("", parts));
        for (String p : parts) {
            assertFalse(p.contains("\uFFFD"), p);
        }
    }

    private static long[] greedy(LocalLlamaModel m, int n) throws Exception {
        return m.generateIds(PROMPT, GenerationParams.greedy(n), Constraints.NONE, List.of(), null, null)
                .generatedIds();
    }
}
