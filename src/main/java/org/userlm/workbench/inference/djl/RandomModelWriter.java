package org.userlm.workbench.inference.djl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.userlm.workbench.inference.ChatTemplate;

/**
 * Writes a complete Llama model folder with random (seeded) weights: config.json, safetensors (F32, F16 or BF16,
 * optionally sharded with an index, optionally tied embeddings), a byte-level tokenizer.json with Llama-3 special
 * tokens, tokenizer_config.json with the UserLM template and generation_config.json. Weight values are rounded to
 * BF16 first, so F32 and BF16 copies of one seed hold identical numbers. Used by tests and {@code bench}.
 */
public final class RandomModelWriter {
    /** Special tokens after the 256 byte tokens: BOS 256, end_of_text 257, eot 258, ... */
    public static final List<String> SPECIALS = List.of("<|begin_of_text|>", "<|end_of_text|>", "<|eot_id|>",
            "<|start_header_id|>", "<|end_header_id|>", "<|endconversation|>");

    /**
     * Shape and storage of a random model.
     *
     * @param hidden        hidden size
     * @param intermediate  SwiGLU size
     * @param heads         attention heads
     * @param kvHeads       key/value heads
     * @param layers        layers
     * @param vocab         vocabulary size (at least 262, the tokenizer's)
     * @param tied          tie_word_embeddings
     * @param dtype         stored dtype
     * @param shards        1 = model.safetensors, more = sharded with an index
     * @param seed          weight seed
     */
    public record Spec(int hidden, int intermediate, int heads, int kvHeads, int layers, int vocab, boolean tied,
                       StDType dtype, int shards, long seed) {
        public Spec withDtype(StDType d) {
            return new Spec(hidden, intermediate, heads, kvHeads, layers, vocab, tied, d, shards, seed);
        }

        public Spec withShards(int n) {
            return new Spec(hidden, intermediate, heads, kvHeads, layers, vocab, tied, dtype, n, seed);
        }

        public Spec withTied(boolean t) {
            return new Spec(hidden, intermediate, heads, kvHeads, layers, vocab, t, dtype, shards, seed);
        }

        /** Parameters of this shape. */
        public long parameters() {
            int hd = hidden / heads;
            long layer = 2L * hidden * heads * hd + 2L * hidden * kvHeads * hd + 3L * hidden * intermediate
                    + 2L * hidden;
            return layers * layer + hidden + (long) vocab * hidden * (tied ? 1 : 2);
        }
    }

    private RandomModelWriter() {
    }

    /** Named shapes: {@code tiny}, {@code tiny-128k} (tiny with Llama-3's 128,256-id vocabulary), {@code 30m} (31.5M: hidden 512, 8 layers, tied vocab 24576), {@code 125m}, {@code 8b-2layers} (Llama-3-8B widths, 2 layers). */
    public static Spec preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> new Spec(64, 160, 4, 2, 2, 300, false, StDType.F32, 1, 1);
            case "tiny-128k" -> new Spec(64, 160, 4, 2, 2, 128_256, false, StDType.F32, 1, 1);
            case "30m" -> new Spec(512, 1024, 8, 4, 8, 24576, true, StDType.F32, 1, 1);
            case "125m" -> new Spec(768, 2048, 12, 4, 12, 32000, false, StDType.F32, 1, 1);
            case "8b-2layers" -> new Spec(4096, 14336, 32, 8, 2, 128256, false, StDType.BF16, 1, 1);
            default -> throw new IllegalArgumentException("unknown size " + name
                    + " (tiny, tiny-128k, 30m, 125m, 8b-2layers)");
        };
    }

    /** Writes the folder. */
    public static void write(Path dir, Spec s) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper om = new ObjectMapper();
        Files.writeString(dir.resolve("config.json"), config(om, s).toPrettyString());
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson(om), StandardCharsets.UTF_8);
        ObjectNode tc = om.createObjectNode();
        tc.put("bos_token", "<|begin_of_text|>").put("eos_token", "<|eot_id|>")
                .put("chat_template", ChatTemplate.USERLM_TEMPLATE);
        Files.writeString(dir.resolve("tokenizer_config.json"), tc.toPrettyString());
        ObjectNode gc = om.createObjectNode();
        gc.putArray("eos_token_id").add(257).add(258);
        gc.put("bos_token_id", 256);
        Files.writeString(dir.resolve("generation_config.json"), gc.toPrettyString());
        writeWeights(dir, s, om);
    }

    private static ObjectNode config(ObjectMapper om, Spec s) {
        ObjectNode c = om.createObjectNode();
        c.putArray("architectures").add("LlamaForCausalLM");
        c.put("model_type", "llama").put("hidden_act", "silu").put("hidden_size", s.hidden())
                .put("intermediate_size", s.intermediate()).put("num_attention_heads", s.heads())
                .put("num_key_value_heads", s.kvHeads()).put("num_hidden_layers", s.layers())
                .put("rms_norm_eps", 1e-5).put("rope_theta", 500000.0).put("max_position_embeddings", 4096)
                .put("tie_word_embeddings", s.tied()).put("vocab_size", s.vocab()).put("bos_token_id", 256);
        c.putObject("rope_scaling").put("rope_type", "llama3").put("factor", 8.0).put("low_freq_factor", 1.0)
                .put("high_freq_factor", 4.0).put("original_max_position_embeddings", 128);
        c.putArray("eos_token_id").add(257).add(258);
        return c;
    }

    private static void writeWeights(Path dir, Spec s, ObjectMapper om) throws IOException {
        SplittableRandom r = new SplittableRandom(s.seed());
        int hd = s.hidden() / s.heads();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("model.embed_tokens.weight", new long[] {s.vocab(), s.hidden()});
        for (int i = 0; i < s.layers(); i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new long[] {s.hidden()});
            shapes.put(p + "self_attn.q_proj.weight", new long[] {(long) s.heads() * hd, s.hidden()});
            shapes.put(p + "self_attn.k_proj.weight", new long[] {(long) s.kvHeads() * hd, s.hidden()});
            shapes.put(p + "self_attn.v_proj.weight", new long[] {(long) s.kvHeads() * hd, s.hidden()});
            shapes.put(p + "self_attn.o_proj.weight", new long[] {s.hidden(), (long) s.heads() * hd});
            shapes.put(p + "post_attention_layernorm.weight", new long[] {s.hidden()});
            shapes.put(p + "mlp.gate_proj.weight", new long[] {s.intermediate(), s.hidden()});
            shapes.put(p + "mlp.up_proj.weight", new long[] {s.intermediate(), s.hidden()});
            shapes.put(p + "mlp.down_proj.weight", new long[] {s.hidden(), s.intermediate()});
        }
        shapes.put("model.norm.weight", new long[] {s.hidden()});
        if (!s.tied()) {
            shapes.put("lm_head.weight", new long[] {s.vocab(), s.hidden()});
        }
        List<String> names = new ArrayList<>(shapes.keySet());
        int shards = Math.max(1, Math.min(s.shards(), names.size()));
        ObjectNode index = om.createObjectNode();
        index.putObject("metadata").put("total_size", 0);
        ObjectNode map = index.putObject("weight_map");
        for (int k = 0; k < shards; k++) {
            String file = shards == 1 ? "model.safetensors"
                    : String.format(Locale.ROOT, "model-%05d-of-%05d.safetensors", k + 1, shards);
            SafetensorsWriter w = new SafetensorsWriter();
            for (int i = k * names.size() / shards; i < (k + 1) * names.size() / shards; i++) {
                String n = names.get(i);
                long[] shape = shapes.get(n);
                w.add(n, shape, values(r, shape, n.endsWith("norm.weight")), numel(shape));
                map.put(n, file);
            }
            w.write(dir.resolve(file), s.dtype());
        }
        if (shards > 1) {
            Files.writeString(dir.resolve("model.safetensors.index.json"), index.toPrettyString());
        }
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Uniform values (norm weights around 1), rounded to BF16, drawn when the tensor is written. */
    private static Supplier<SafetensorsWriter.Source> values(SplittableRandom r, long[] shape,
                                                                                  boolean norm) {
        double scale = norm ? 0.1 : Math.sqrt(3.0 / shape[shape.length - 1]);
        double shift = norm ? 1.0 : 0.0;
        return () -> () -> HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(
                (float) ((r.nextDouble() * 2 - 1) * scale + shift)));
    }

    /** A byte-level BPE tokenizer.json: 256 byte tokens, no merges, then {@link #SPECIALS}; BOS added. */
    static String tokenizerJson(ObjectMapper om) {
        ObjectNode root = om.createObjectNode();
        root.put("version", "1.0").putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < SPECIALS.size(); i++) {
            added.addObject().put("id", 256 + i).put("content", SPECIALS.get(i)).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false)
                .put("trim_offsets", true).put("use_regex", true);
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        post.putArray("single").addObject().putObject("SpecialToken").put("id", SPECIALS.get(0)).put("type_id", 0);
        ((ArrayNode) post.get("single")).addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", SPECIALS.get(0)).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        ObjectNode st = post.putObject("special_tokens").putObject(SPECIALS.get(0));
        st.put("id", SPECIALS.get(0));
        st.putArray("ids").add(256);
        st.putArray("tokens").add(SPECIALS.get(0));
        root.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", true)
                .put("trim_offsets", true).put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE").putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false).put("byte_fallback", false).put("ignore_merges", true);
        ObjectNode vocab = model.putObject("vocab");
        int[] byteToChar = byteLevelAlphabet();
        for (int b = 0; b < 256; b++) {
            vocab.put(new String(Character.toChars(byteToChar[b])), b);
        }
        for (int i = 0; i < SPECIALS.size(); i++) {
            vocab.put(SPECIALS.get(i), 256 + i);
        }
        model.putArray("merges");
        return root.toPrettyString();
    }

    /** GPT-2's bytes_to_unicode. */
    private static int[] byteLevelAlphabet() {
        int[] map = new int[256];
        boolean[] direct = new boolean[256];
        for (int b = 0; b < 256; b++) {
            direct[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = direct[b] ? b : 256 + n++;
        }
        return map;
    }
}
