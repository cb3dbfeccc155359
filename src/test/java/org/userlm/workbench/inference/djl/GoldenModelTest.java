package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.tasks.SharedData;

/** Reproduces fixtures/golden/tiny-llama-a/golden.json: ids, top-10 logits, 12 greedy ids, chat prompt. */
class GoldenModelTest {
    private static LocalLlamaModel model;
    private static JsonNode golden;

    static Path goldenDir() {
        return SharedData.goldenModel();
    }

    @BeforeAll
    static void load() throws Exception {
        Path dir = goldenDir();
        golden = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        model = LocalModels.load(dir, new LoadOptions("cpu", 256, true), ProgressListener.NONE,
                new CancellationToken());
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void tokenizesLogitsAndGreedyIdsMatch() throws Exception {
        for (JsonNode c : golden.get("cases")) {
            long[] ids = model.encode(c.get("text").asText(), c.get("add_bos").asBoolean());
            assertArrayEquals(longs(c.get("ids")), ids, "ids of " + c.get("text"));
            float[] logits = model.lastLogits(ids);
            for (JsonNode top : c.get("last_logits_top10")) {
                int id = top.get(0).asInt();
                assertEquals(top.get(1).asDouble(), logits[id], 1e-3, "logit " + id);
            }
            double l2 = 0;
            for (float f : logits) {
                l2 += f * f;
            }
            assertEquals(c.get("last_logits_l2").asDouble(), Math.sqrt(l2), 1e-2);
            LocalGeneration g = model.generateIds(ids, GenerationParams.greedy(12), Constraints.NONE, List.of(),
                    null, null);
            assertArrayEquals(longs(c.get("greedy_ids")), g.generatedIds(), "greedy ids of " + c.get("text"));
            assertEquals(FinishReason.LENGTH, g.finishReason());
        }
    }

    @Test
    void rendersChatPromptExactly() throws Exception {
        List<ChatMessage> msgs = new ArrayList<>();
        for (JsonNode m : golden.get("chat_messages")) {
            msgs.add(new ChatMessage(Role.fromWire(m.get("role").asText()), m.get("content").asText()));
        }
        String rendered = model.renderChat(msgs);
        assertEquals(golden.get("chat_rendered").asText(), rendered);
        JsonNode last = golden.get("cases").get(3);
        assertArrayEquals(longs(last.get("ids")), model.encode(rendered, false));
    }

    @Test
    void streamedTextEqualsResultText() throws Exception {
        JsonNode c = golden.get("cases").get(0);
        StringBuilder sb = new StringBuilder();
        LocalGeneration g = model.generateIds(longs(c.get("ids")), GenerationParams.greedy(12), Constraints.NONE,
                List.of(), sb::append, null);
        assertEquals(g.text(), sb.toString());
        assertEquals(c.get("greedy_text").asText(), g.text());
    }

    static long[] longs(JsonNode arr) {
        long[] out = new long[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asLong();
        }
        return out;
    }
}
