package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.Constraints;

/** The KV cache kept between generations gives what a full recompute gives, and is cut where prompts differ. */
class PrefixReuseTest {
    @TempDir
    static Path tmp;
    private static LocalLlamaModel model;
    private static final long[] TURN1 = {256, 259, 117, 115, 101, 114, 260, 10, 10, 104, 105, 258};

    @BeforeAll
    static void setUp() throws Exception {
        RandomModelWriter.write(tmp.resolve("m"), RandomModelTest.spec());
        model = RandomModelTest.load(tmp.resolve("m"));
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static LocalGeneration gen(long[] prompt, boolean reuse, GenerationParams p) throws Exception {
        model.setPrefixReuse(reuse);
        try {
            return model.generateIds(prompt, p, Constraints.NONE, List.of(), null, null);
        } finally {
            model.setPrefixReuse(true);
        }
    }

    private static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(LongStream::of).toArray();
    }

    /** Logits of the last prompt position computed over the cache as it stands (reusing what matches). */
    private static float[] cachedLogits(long[] prompt) throws Exception {
        return model.onWorker(() -> {
            LlamaForward fw = model.forward();
            int kept = fw.keepPrefix(prompt);
            return fw.forward(Arrays.copyOfRange(prompt, kept, prompt.length));
        });
    }

    @Test
    void nextTurnReusesTheConversationSoFarAndMatchesFullRecompute() throws Exception {
        GenerationParams greedy = GenerationParams.greedy(6);
        gen(new long[] {1, 2, 3}, false, greedy); // something else in the cache first
        LocalGeneration t1 = gen(TURN1, true, greedy);
        assertEquals(0, t1.reusedTokens());
        long[] turn2 = concat(TURN1, t1.generatedIds(), new long[] {259, 97, 260, 10, 10, 111, 107, 258});
        LocalGeneration t2 = gen(turn2, true, greedy);
        // everything fed last time: the prompt and every generated id but the last (never fed back)
        int fed = TURN1.length + t1.generatedIds().length - 1;
        assertEquals(fed, t2.reusedTokens());
        gen(TURN1, true, greedy);
        gen(turn2, true, greedy); // leaves turn2 and its continuation in the cache
        LocalGeneration full = gen(turn2, false, greedy);
        assertEquals(0, full.reusedTokens());
        assertArrayEquals(full.generatedIds(), t2.generatedIds());

        gen(TURN1, true, greedy);
        assertArrayEquals(model.lastLogits(turn2), afterTurn1(turn2), 1e-4f);
    }

    private static float[] afterTurn1(long[] turn2) throws Exception {
        gen(TURN1, true, GenerationParams.greedy(6));
        return cachedLogits(turn2);
    }

    @Test
    void anEditCutsTheCacheAtTheFirstDifferingToken() throws Exception {
        GenerationParams greedy = GenerationParams.greedy(4);
        long[] edited = TURN1.clone();
        edited[7] = 33;
        gen(TURN1, true, greedy);
        LocalGeneration e = gen(edited, true, greedy);
        assertEquals(7, e.reusedTokens());
        assertArrayEquals(gen(edited, false, greedy).generatedIds(), e.generatedIds());
        gen(TURN1, true, greedy);
        assertArrayEquals(model.lastLogits(edited), cachedLogitsAfter(TURN1, edited), 1e-4f);
    }

    private static float[] cachedLogitsAfter(long[] first, long[] then) throws Exception {
        gen(first, true, GenerationParams.greedy(4));
        return cachedLogits(then);
    }

    @Test
    void aForkToAShorterPromptKeepsAllButItsLastToken() throws Exception {
        GenerationParams greedy = GenerationParams.greedy(4);
        gen(TURN1, true, greedy);
        long[] fork = Arrays.copyOf(TURN1, 5);
        LocalGeneration f = gen(fork, true, greedy);
        assertEquals(4, f.reusedTokens());
        assertArrayEquals(gen(fork, false, greedy).generatedIds(), f.generatedIds());
    }

    @Test
    void sampledTurnsWithReuseEqualSampledTurnsWithout() throws Exception {
        GenerationParams p = new GenerationParams(1.0, 0.8, null, 8, 5L);
        LocalGeneration t1 = gen(TURN1, true, p);
        long[] turn2 = concat(TURN1, t1.generatedIds(), new long[] {259, 120, 260, 10});
        LocalGeneration reused = gen(turn2, true, p);
        assertEquals(true, reused.reusedTokens() > TURN1.length);
        assertArrayEquals(gen(turn2, false, p).generatedIds(), reused.generatedIds());
    }
}
