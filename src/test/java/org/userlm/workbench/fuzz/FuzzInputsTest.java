package org.userlm.workbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.inference.djl.ModelFolder;
import org.userlm.workbench.inference.djl.ModelFolderCheck;
import org.userlm.workbench.inference.djl.ModelLoadException;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.tasks.TaskFormatException;

/**
 * Fuzzing (issue 10), a separate profile: {@code mvn -B -Pfuzz verify}. Generates 1,200 malformed task files
 * from the shared LiC, GSM8K and HumanEval samples and 320 malformed model folders from the golden model; every one
 * must load or give one clear one-line error, and the JVM must survive. Prints its figures.
 */
@Tag("fuzz")
class FuzzInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("userlm.fuzzSeed", 20261201L);

    @TempDir
    Path tmp;

    @Test
    void malformedTaskFilesGiveOneLineErrors() throws Exception {
        Random rnd = new Random(SEED);
        List<byte[]> seeds = List.of(
                Files.readAllBytes(SharedData.file("lost_in_conversation/sharded_math_subset.json")),
                Files.readAllBytes(SharedData.file("lost_in_conversation/sharded_code_subset.json")),
                head(Files.readAllBytes(SharedData.file("gsm8k/test.jsonl")), 30),
                head(Files.readAllBytes(SharedData.file("humaneval/HumanEval.jsonl")), 12));
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        int n = Integer.getInteger("userlm.fuzzTaskFiles", 1200);
        for (int i = 0; i < n; i++) {
            byte[] seed = seeds.get(i % seeds.size());
            String kind = MUTATIONS[rnd.nextInt(MUTATIONS.length)];
            byte[] mutated = mutate(kind, seed, rnd);
            String name = "fuzz-" + i + ".json";
            try {
                TaskFiles.parse(name, mutated);
                outcomes.merge(kind + " loaded", 1, Integer::sum);
            } catch (TaskFormatException e) {
                outcomes.merge(kind + " refused", 1, Integer::sum);
                String m = e.getMessage();
                if (m == null || m.contains("\n") || !m.startsWith(name + ": ") || m.length() > 600) {
                    bad.add(kind + ": unclear message: " + m);
                }
            } catch (Throwable t) {
                bad.add(kind + ": " + t);
            }
        }
        System.out.println("fuzz task files: " + n + " " + outcomes);
        assertEquals(List.of(), bad.subList(0, Math.min(20, bad.size())));
    }

    private static final String[] MUTATIONS = {"truncate", "flip", "delete", "insert", "badutf8", "join-lines",
        "duplicate-object", "retype-field", "drop-field", "huge-string", "deep-nesting", "gzip-truncated",
        "gzip-bomb-ish", "pickle-blob", "garbage"};

    private static byte[] mutate(String kind, byte[] seed, Random rnd) throws Exception {
        switch (kind) {
            case "truncate":
                return java.util.Arrays.copyOf(seed, rnd.nextInt(seed.length));
            case "flip": {
                byte[] b = seed.clone();
                for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case "delete": {
                int at = rnd.nextInt(seed.length);
                int len = Math.min(seed.length - at, 1 + rnd.nextInt(200));
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(seed, 0, at);
                o.write(seed, at + len, seed.length - at - len);
                return o.toByteArray();
            }
            case "insert": {
                int at = rnd.nextInt(seed.length);
                String[] bits = {"{", "}", "[", "]", ",", "\"", ":", "null", "1e999999", "-", "\\u0000", "\n", "{}{}"};
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(seed, 0, at);
                o.write(bits[rnd.nextInt(bits.length)].getBytes(StandardCharsets.UTF_8));
                o.write(seed, at, seed.length - at);
                return o.toByteArray();
            }
            case "badutf8": {
                byte[] b = seed.clone();
                b[rnd.nextInt(b.length)] = (byte) (0x80 + rnd.nextInt(0x7f));
                return b;
            }
            case "join-lines":
                return new String(seed, StandardCharsets.UTF_8).replaceFirst("\n", " ").getBytes(StandardCharsets.UTF_8);
            case "duplicate-object": {
                String s = new String(seed, StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                String line = nl > 0 ? s.substring(0, nl) : s;
                return (line + " " + line + "\n" + s).getBytes(StandardCharsets.UTF_8);
            }
            case "retype-field":
            case "drop-field":
            case "huge-string":
            case "pickle-blob":
                return jsonMutation(kind, seed, rnd);
            case "deep-nesting":
                return ("[" + "[".repeat(5000) + "]".repeat(5000) + "]").getBytes(StandardCharsets.UTF_8);
            case "gzip-truncated": {
                byte[] gz = gzip(seed);
                return java.util.Arrays.copyOf(gz, 10 + rnd.nextInt(gz.length - 10));
            }
            case "gzip-bomb-ish": {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                raw.write(seed);
                raw.write(new byte[1 << 20]);
                return gzip(raw.toByteArray());
            }
            default: {
                byte[] b = new byte[rnd.nextInt(2000)];
                rnd.nextBytes(b);
                return b;
            }
        }
    }

    private static byte[] jsonMutation(String kind, byte[] seed, Random rnd) throws Exception {
        String s = new String(seed, StandardCharsets.UTF_8).strip();
        boolean array = s.startsWith("[");
        List<JsonNode> records = new ArrayList<>();
        if (s.startsWith("{") && s.indexOf("}\n{") < 0) {
            ObjectNode whole = (ObjectNode) JSON.readTree(s);
            List<JsonNode> one = new ArrayList<>(List.of(whole));
            jsonEdit(kind, whole, rnd);
            return JSON.writeValueAsBytes(one.get(0));
        }
        if (array) {
            JSON.readTree(s).forEach(records::add);
        } else {
            for (String line : s.split("\n")) {
                records.add(JSON.readTree(line));
            }
        }
        ObjectNode r = (ObjectNode) records.get(rnd.nextInt(records.size()));
        jsonEdit(kind, r, rnd);
        if (array) {
            ArrayNode a = JSON.createArrayNode();
            records.forEach(a::add);
            return JSON.writeValueAsBytes(a);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : records) {
            sb.append(JSON.writeValueAsString(n)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void jsonEdit(String kind, ObjectNode r, Random rnd) throws Exception {
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        if (fields.isEmpty()) {
            r.put("unexpected", 1);
            return;
        }
        String f = fields.get(rnd.nextInt(fields.size()));
        switch (kind) {
            case "drop-field" -> r.remove(f);
            case "huge-string" -> r.put(f, "z".repeat(1 << 20));
            case "pickle-blob" -> r.put("private_test_cases", randomBlob(rnd));
            default -> {
                int k = rnd.nextInt(5);
                if (k == 0) {
                    r.putNull(f);
                } else if (k == 1) {
                    r.put(f, rnd.nextLong());
                } else if (k == 2) {
                    r.putArray(f).add(1).addObject();
                } else if (k == 3) {
                    r.putObject(f).put("x", true);
                } else {
                    r.put(f, true);
                }
            }
        }
    }

    private static String randomBlob(Random rnd) throws Exception {
        byte[] p = new byte[1 + rnd.nextInt(40)];
        rnd.nextBytes(p);
        if (rnd.nextBoolean()) {
            p[0] = (byte) 0x8d;
        }
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(p);
        d.finish();
        byte[] out = new byte[200];
        int len = d.deflate(out);
        d.end();
        return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(out, len));
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(b);
        }
        return bos.toByteArray();
    }

    private static byte[] head(byte[] jsonl, int lines) {
        String[] all = new String(jsonl, StandardCharsets.UTF_8).split("\n");
        return (String.join("\n", java.util.Arrays.copyOf(all, Math.min(lines, all.length))) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void malformedModelFoldersGiveOneLineErrors() throws Exception {
        Random rnd = new Random(SEED + 1);
        Path golden = SharedData.goldenModel();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        int n = Integer.getInteger("userlm.fuzzFolders", 320);
        String[] targets = {"config.json", "model.safetensors.index.json", "model-00001-of-00002.safetensors",
            "model-00002-of-00002.safetensors", "generation_config.json", "tokenizer_config.json", "tokenizer.json"};
        for (int i = 0; i < n; i++) {
            Path dir = Files.createDirectory(tmp.resolve("m" + i));
            for (Path f : Files.list(golden).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            String target = targets[i % targets.length];
            Path file = dir.resolve(target);
            String kind;
            if (rnd.nextInt(6) == 0) {
                Files.delete(file);
                kind = target + " deleted";
            } else if (target.endsWith(".safetensors")) {
                kind = target + " " + mutateSafetensors(file, rnd);
            } else {
                String m = MUTATIONS[rnd.nextInt(12)];
                Files.write(file, mutate(m, Files.readAllBytes(file), rnd));
                kind = target + " " + m;
            }
            boolean child = target.startsWith("tokenizer");
            try {
                if (child) {
                    ModelFolderCheck.vet(dir);
                } else {
                    ModelFolder.open(dir);
                }
                outcomes.merge((child ? "child " : "in-process ") + "opened", 1, Integer::sum);
            } catch (ModelLoadException e) {
                outcomes.merge((child ? "child " : "in-process ") + "refused", 1, Integer::sum);
                if (e.getMessage() == null || e.getMessage().contains("\n") || e.getMessage().length() > 800) {
                    bad.add(kind + ": unclear message: " + e.getMessage());
                }
            } catch (Throwable t) {
                bad.add(kind + ": " + t);
            }
        }
        System.out.println("fuzz model folders: " + n + " " + outcomes);
        assertEquals(List.of(), bad.subList(0, Math.min(20, bad.size())));
        assertTrue(outcomes.values().stream().mapToInt(Integer::intValue).sum() == n);
    }

    private static String mutateSafetensors(Path file, Random rnd) throws Exception {
        byte[] b = Files.readAllBytes(file);
        long headerLen = 0;
        for (int k = 7; k >= 0; k--) {
            headerLen = (headerLen << 8) | (b[k] & 0xff);
        }
        switch (rnd.nextInt(5)) {
            case 0 -> {
                long lie = rnd.nextBoolean() ? Long.MAX_VALUE - rnd.nextInt(1000) : headerLen + rnd.nextInt(100000);
                for (int k = 0; k < 8; k++) {
                    b[k] = (byte) (lie >>> (8 * k));
                }
                Files.write(file, b);
                return "header length lies";
            }
            case 1 -> {
                Files.write(file, java.util.Arrays.copyOf(b, rnd.nextInt(b.length)));
                return "truncated";
            }
            case 2 -> {
                String h = new String(b, 8, (int) headerLen, StandardCharsets.UTF_8);
                String m = h.replaceFirst("\"data_offsets\":\\[\\d+,\\d+\\]",
                        "\"data_offsets\":[" + rnd.nextInt(1 << 30) + "," + rnd.nextInt(1 << 30) + "]");
                m = m.replaceFirst("\"dtype\":\"[A-Z0-9]+\"", rnd.nextBoolean() ? "\"dtype\":\"Q9\"" : "\"dtype\":\"F32\"");
                m = m.replaceFirst("\"shape\":\\[\\d+", "\"shape\":[" + (rnd.nextInt(100000) - 5));
                byte[] mh = m.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                long len = mh.length;
                for (int k = 0; k < 8; k++) {
                    o.write((int) (len >>> (8 * k)));
                }
                o.write(mh);
                o.write(b, 8 + (int) headerLen, b.length - 8 - (int) headerLen);
                Files.write(file, o.toByteArray());
                return "header fields changed";
            }
            case 3 -> {
                for (int k = 0; k < 6; k++) {
                    b[8 + rnd.nextInt((int) headerLen)] = (byte) rnd.nextInt(256);
                }
                Files.write(file, b);
                return "header bytes flipped";
            }
            default -> {
                Files.write(file, new byte[0]);
                return "empty";
            }
        }
    }
}
