package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code generate} and {@code bench} CLI contracts, in-process. */
class GenerateCommandTest {
    private static final Path GOLDEN = org.userlm.workbench.tasks.SharedData.goldenModel();

    private static String[] run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run(args);
        } finally {
            System.setOut(old);
        }
        return new String[] {String.valueOf(rc), buf.toString(StandardCharsets.UTF_8)};
    }

    private static JsonNode lastLine(String out) throws Exception {
        String[] lines = out.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void promptJsonMatchesGolden() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("golden.json").toFile()).get("cases").get(0);
        String[] r = run("generate", "--model", GOLDEN.toString(), "--prompt", golden.get("text").asText(),
                "--greedy", "--max-new-tokens", "12", "--json", "--device", "cpu");
        assertEquals("0", r[0]);
        JsonNode j = lastLine(r[1]);
        assertEquals(golden.get("ids"), j.get("prompt_ids"));
        assertEquals(golden.get("greedy_ids"), j.get("generated_ids"));
        assertEquals(golden.get("greedy_text").asText(), j.get("text").asText());
    }

    @Test
    void messagesAreRenderedWithoutExtraBos(@TempDir Path tmp) throws Exception {
        JsonNode g = new ObjectMapper().readTree(GOLDEN.resolve("golden.json").toFile());
        Path msgs = tmp.resolve("m.json");
        Files.writeString(msgs, g.get("chat_messages").toString());
        String[] r = run("generate", "--model", GOLDEN.toString(), "--messages", msgs.toString(), "--greedy",
                "--max-new-tokens", "12", "--json", "--device", "cpu");
        assertEquals("0", r[0]);
        JsonNode j = lastLine(r[1]);
        assertEquals(g.get("cases").get(3).get("ids"), j.get("prompt_ids"));
        assertEquals(g.get("cases").get(3).get("greedy_ids"), j.get("generated_ids"));
    }

    @Test
    void badFolderExitsWithTwo(@TempDir Path tmp) {
        assertEquals("2", run("generate", "--model", tmp.toString(), "--prompt", "x")[0]);
    }

    @Test
    void benchTinyPrintsRatesAndBound() {
        String[] r = run("bench", "--random-config", "tiny", "--prompt-tokens", "16", "--new-tokens", "8",
                "--warmup-seconds", "0.2", "--runs", "3", "--device", "cpu");
        assertEquals("0", r[0]);
        // Each run is judged by the bound measured right after it; the bound of the line above is the best of all
        // of them, so the paired median can only be at least the overall ratio (rounding aside), and it is the
        // middle one of the three listed.
        Matcher overall = Pattern.compile("decode reaches ([0-9]+)% of it").matcher(r[1]);
        Matcher paired = Pattern.compile("right after each run: ([0-9]+)% \\(median of ([0-9]+)% / ([0-9]+)% /"
                + " ([0-9]+)%; goal 80%\\)").matcher(r[1]);
        assertTrue(overall.find() && paired.find(), r[1]);
        int[] each = {Integer.parseInt(paired.group(2)), Integer.parseInt(paired.group(3)),
                Integer.parseInt(paired.group(4))};
        Arrays.sort(each);
        assertEquals(each[1], Integer.parseInt(paired.group(1)), r[1]);
        assertTrue(Integer.parseInt(paired.group(1)) >= Integer.parseInt(overall.group(1)) - 1, r[1]);
        assertTrue(r[1].contains("prefill:") && r[1].contains("decode:") && r[1].contains("bandwidth bound:")
                && r[1].contains("sampled (temperature 1.0, top-p 0.8") && r[1].contains("sampling at vocab 128256")
                && r[1].matches("(?s).*weight products alone \\(this model's shapes, no other operation\\): [0-9.]+"
                        + " tok/s \\([0-9.]+ ms/token\\), [0-9]+% of the bound; decode reaches [0-9]+% of them.*")
                && r[1].matches("(?s).*sampling at vocab 128256 \\(normal logits, sd 2\\): [0-9.]+ ms/token wall.*"
                        + "sampling at vocab 128256 \\(normal logits, sd 0\\.01\\): [0-9.]+ ms/token wall, [0-9.]+ ms"
                        + " CPU; goal 0\\.5 ms.*sampling at vocab 128256 \\(normal logits, sd 0\\.01, one id 1000"
                        + " below\\): [0-9.]+ ms/token wall.*sampling at vocab 128256 \\(normal logits, sd 0\\.01,"
                        + " one id 39 below\\): [0-9.]+ ms/token wall.*"),
                r[1]);
    }
}
