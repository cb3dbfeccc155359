package org.userlm.workbench.inference.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.userlm.workbench.domain.GenerationParams;

/**
 * A validated Hugging Face Llama model folder: config, tokenizer files, generation config, chat template and the
 * safetensors headers (single file or sharded with an index), checked against the config before any weight is
 * read. Every problem becomes one {@link ModelLoadException} naming the file. Pickled weights are refused.
 */
public final class ModelFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final LlamaConfig config;
    private final Map<String, TensorInfo> tensors;
    private final Path tokenizerJson;
    private final JsonNode tokenizerConfig;
    private final JsonNode generationConfig;
    private final String chatTemplate;

    private ModelFolder(Path dir, LlamaConfig config, Map<String, TensorInfo> tensors, JsonNode tokenizerConfig,
                        JsonNode generationConfig, String chatTemplate) {
        this.dir = dir;
        this.config = config;
        this.tensors = tensors;
        this.tokenizerJson = dir.resolve("tokenizer.json");
        this.tokenizerConfig = tokenizerConfig;
        this.generationConfig = generationConfig;
        this.chatTemplate = chatTemplate;
    }

    /** Reads and validates everything but the weight data. */
    public static ModelFolder open(Path dir) throws ModelLoadException {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(dir + ": not a model folder (no such directory)");
        }
        Path cfgFile = dir.resolve("config.json");
        if (!Files.isRegularFile(cfgFile)) {
            throw new ModelLoadException(dir + ": config.json is missing");
        }
        LlamaConfig cfg = LlamaConfig.parse(readJson(cfgFile));
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new ModelLoadException(dir + ": tokenizer.json is missing");
        }
        Path tcFile = dir.resolve("tokenizer_config.json");
        JsonNode tc = Files.isRegularFile(tcFile) ? readJson(tcFile) : JSON.createObjectNode();
        Path gcFile = dir.resolve("generation_config.json");
        JsonNode gc = Files.isRegularFile(gcFile) ? readJson(gcFile) : JSON.createObjectNode();
        String template = readTemplate(dir, tc);
        Map<String, TensorInfo> tensors = readWeights(dir);
        checkShapes(cfg, tensors);
        return new ModelFolder(dir, cfg, tensors, tc, gc, template);
    }

    private static String readTemplate(Path dir, JsonNode tc) throws ModelLoadException {
        Path jinja = dir.resolve("chat_template.jinja");
        if (Files.isRegularFile(jinja)) {
            try {
                return Files.readString(jinja, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ModelLoadException("chat_template.jinja: cannot read: " + e.getMessage(), e);
            }
        }
        JsonNode t = tc.get("chat_template");
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (t.isArray()) { // [{name, template}]: use "default"
            for (JsonNode e : t) {
                if ("default".equals(e.path("name").asText())) {
                    return e.path("template").asText();
                }
            }
            return t.path(0).path("template").asText(null);
        }
        throw new ModelLoadException("tokenizer_config.json: chat_template is neither a string nor a list");
    }

    private static Map<String, TensorInfo> readWeights(Path dir) throws ModelLoadException {
        Path single = dir.resolve("model.safetensors");
        Path index = dir.resolve("model.safetensors.index.json");
        Map<String, TensorInfo> all = new LinkedHashMap<>();
        if (Files.isRegularFile(index)) {
            JsonNode map = readJson(index).get("weight_map");
            if (map == null || !map.isObject() || map.size() == 0) {
                throw new ModelLoadException("model.safetensors.index.json: weight_map is missing or empty");
            }
            Set<String> shards = new LinkedHashSet<>();
            map.forEach(v -> shards.add(v.asText()));
            for (String s : shards) {
                Path p = dir.resolve(s).normalize();
                if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
                    throw new ModelLoadException("model.safetensors.index.json names shard " + s
                            + ", which is missing");
                }
                for (TensorInfo t : SafetensorsFile.open(p).tensors().values()) {
                    if (all.put(t.name(), t) != null) {
                        throw new ModelLoadException(s + ": tensor " + t.name() + " appears in two shards");
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                TensorInfo t = all.get(e.getKey());
                if (t == null || !t.file().getFileName().toString().equals(Path.of(e.getValue().asText())
                        .getFileName().toString())) {
                    throw new ModelLoadException("model.safetensors.index.json: tensor " + e.getKey()
                            + " is not in shard " + e.getValue().asText());
                }
            }
        } else if (Files.isRegularFile(single)) {
            all.putAll(SafetensorsFile.open(single).tensors());
        } else {
            throw new ModelLoadException(dir + ": " + describeMissingWeights(dir));
        }
        return all;
    }

    private static String describeMissingWeights(Path dir) {
        List<String> pickled = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".bin") || n.endsWith(".pt") || n.endsWith(".pth"))
                    .forEach(pickled::add);
        } catch (IOException ignored) {
            // only used for the message
        }
        if (!pickled.isEmpty()) {
            return "only pickled weights found (" + String.join(", ", pickled)
                    + "): pickled weights are never loaded; convert to safetensors";
        }
        return "no weights: model.safetensors or model.safetensors.index.json is missing";
    }

    private static void checkShapes(LlamaConfig c, Map<String, TensorInfo> t) throws ModelLoadException {
        long h = c.hiddenSize();
        long q = (long) c.numHeads() * c.headDim();
        long kv = (long) c.numKvHeads() * c.headDim();
        long v = c.vocabSize();
        long ff = c.intermediateSize();
        expect(t, "model.embed_tokens.weight", v, h);
        expect(t, "model.norm.weight", h);
        if (!c.tieWordEmbeddings() || t.containsKey("lm_head.weight")) {
            expect(t, "lm_head.weight", v, h);
        }
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "model.layers." + i + ".";
            expect(t, p + "input_layernorm.weight", h);
            expect(t, p + "post_attention_layernorm.weight", h);
            expect(t, p + "self_attn.q_proj.weight", q, h);
            expect(t, p + "self_attn.k_proj.weight", kv, h);
            expect(t, p + "self_attn.v_proj.weight", kv, h);
            expect(t, p + "self_attn.o_proj.weight", h, q);
            expect(t, p + "mlp.gate_proj.weight", ff, h);
            expect(t, p + "mlp.up_proj.weight", ff, h);
            expect(t, p + "mlp.down_proj.weight", h, ff);
        }
        String extra = "model.layers." + c.numLayers() + ".input_layernorm.weight";
        if (t.containsKey(extra)) {
            throw new ModelLoadException("config.json: num_hidden_layers is " + c.numLayers()
                    + " but the weights have more layers (" + extra + ")");
        }
    }

    private static void expect(Map<String, TensorInfo> t, String name, long... shape) throws ModelLoadException {
        TensorInfo ti = t.get(name);
        if (ti == null) {
            throw new ModelLoadException("weights: tensor " + name + " is missing");
        }
        if (!Arrays.equals(ti.shape(), shape)) {
            throw new ModelLoadException(ti.file().getFileName() + ": tensor " + name + " has shape "
                    + ti.shapeString() + " but config.json implies " + Arrays.toString(shape));
        }
    }

    private static JsonNode readJson(Path p) throws ModelLoadException {
        try {
            JsonNode n = JSON.readTree(Files.readString(p, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new ModelLoadException(p.getFileName() + ": not a JSON object");
            }
            return n;
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            throw new ModelLoadException(p.getFileName() + ": invalid JSON: " + m, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public LlamaConfig config() {
        return config;
    }

    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    public Path tokenizerJson() {
        return tokenizerJson;
    }

    /** The chat template source ({@code chat_template.jinja} first), or null when the folder has none. */
    public String chatTemplate() {
        return chatTemplate;
    }

    /** A special token string from tokenizer_config.json ({@code bos_token}, ...), or null. */
    public String specialToken(String key) {
        JsonNode n = tokenizerConfig.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isTextual() ? n.asText() : n.path("content").asText(null);
    }

    /** End ids: generation_config.json's {@code eos_token_id}, else config.json's. */
    public List<Integer> eosTokenIds() {
        List<Integer> ids = LlamaConfig.idList(generationConfig.get("eos_token_id"));
        return ids.isEmpty() ? config.eosTokenIds() : ids;
    }

    /**
     * Sampling defaults from generation_config.json: greedy unless {@code do_sample} is true; 256 new tokens
     * unless {@code max_new_tokens} says otherwise.
     */
    public GenerationParams generationDefaults() {
        JsonNode g = generationConfig;
        boolean sample = g.path("do_sample").asBoolean(false);
        double temp = sample ? g.path("temperature").asDouble(1.0) : 0.0;
        double topP = g.path("top_p").asDouble(1.0);
        int topK = g.path("top_k").asInt(0);
        int max = g.path("max_new_tokens").asInt(256);
        return new GenerationParams(temp, topP, topK, max, null);
    }

    /** Total bytes of the stored weights. */
    public long storedBytes() {
        return tensors.values().stream().mapToLong(TensorInfo::length).sum();
    }

    /** Total parameters of the stored weights. */
    public long parameterCount() {
        return tensors.values().stream().mapToLong(TensorInfo::numel).sum();
    }

    /** The model name: the folder name. */
    public String name() {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        return f == null ? dir.toString() : f.toString();
    }
}
