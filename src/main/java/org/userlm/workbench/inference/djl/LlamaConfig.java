package org.userlm.workbench.inference.djl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Hugging Face {@code LlamaForCausalLM} {@code config.json} this engine uses.
 *
 * @param hiddenSize         hidden size
 * @param intermediateSize   SwiGLU inner size
 * @param numHeads           attention heads
 * @param numKvHeads         key/value heads (grouped-query attention)
 * @param numLayers          decoder layers
 * @param headDim            head dimension
 * @param vocabSize          vocabulary size
 * @param rmsNormEps         RMSNorm epsilon
 * @param ropeTheta          RoPE base
 * @param ropeScaling        the {@code llama3} scaling, or null
 * @param maxPositions       {@code max_position_embeddings}
 * @param tieWordEmbeddings  lm_head shares the embedding matrix
 * @param eosTokenIds        end ids named by the config (may be empty)
 */
public record LlamaConfig(int hiddenSize, int intermediateSize, int numHeads, int numKvHeads, int numLayers,
                          int headDim, int vocabSize, double rmsNormEps, double ropeTheta, RopeScaling ropeScaling,
                          int maxPositions, boolean tieWordEmbeddings, List<Integer> eosTokenIds) {

    /**
     * The {@code llama3} rope scaling of Llama-3.1.
     *
     * @param factor             factor
     * @param lowFreqFactor      low_freq_factor
     * @param highFreqFactor     high_freq_factor
     * @param originalMaxPos     original_max_position_embeddings
     */
    public record RopeScaling(double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPos) {
    }

    /** Parses and checks a config.json tree. */
    public static LlamaConfig parse(JsonNode n) throws ModelLoadException {
        String arch = n.path("architectures").path(0).asText("");
        String type = n.path("model_type").asText("");
        if (!arch.equals("LlamaForCausalLM") && !type.equals("llama")) {
            throw new ModelLoadException("config.json: architecture " + (arch.isEmpty() ? type : arch)
                    + " is not supported (only LlamaForCausalLM)");
        }
        String act = n.path("hidden_act").asText("silu");
        if (!act.equals("silu")) {
            throw new ModelLoadException("config.json: hidden_act " + act + " is not supported (only silu)");
        }
        if (n.path("attention_bias").asBoolean(false) || n.path("mlp_bias").asBoolean(false)) {
            throw new ModelLoadException("config.json: attention_bias/mlp_bias are not supported");
        }
        int hidden = req(n, "hidden_size");
        int heads = req(n, "num_attention_heads");
        int kv = n.has("num_key_value_heads") ? req(n, "num_key_value_heads") : heads;
        int headDim = n.hasNonNull("head_dim") ? req(n, "head_dim") : hidden / Math.max(1, heads);
        if (heads % kv != 0) {
            throw new ModelLoadException("config.json: num_attention_heads " + heads
                    + " is not a multiple of num_key_value_heads " + kv);
        }
        if (headDim % 2 != 0) {
            throw new ModelLoadException("config.json: head_dim " + headDim + " must be even for RoPE");
        }
        RopeScaling scaling = null;
        JsonNode rs = n.get("rope_scaling");
        if (rs != null && !rs.isNull()) {
            String rt = rs.path("rope_type").asText(rs.path("type").asText(""));
            if (!rt.equals("llama3")) {
                throw new ModelLoadException("config.json: rope_scaling type " + rt + " is not supported (only llama3)");
            }
            scaling = new RopeScaling(rs.path("factor").asDouble(8.0), rs.path("low_freq_factor").asDouble(1.0),
                    rs.path("high_freq_factor").asDouble(4.0),
                    rs.path("original_max_position_embeddings").asInt(8192));
        }
        return new LlamaConfig(hidden, req(n, "intermediate_size"), heads, kv, req(n, "num_hidden_layers"),
                headDim, req(n, "vocab_size"), n.path("rms_norm_eps").asDouble(1e-5),
                n.path("rope_theta").asDouble(10000.0), scaling, n.path("max_position_embeddings").asInt(2048),
                n.path("tie_word_embeddings").asBoolean(false), idList(n.get("eos_token_id")));
    }

    /** Reads an int or a list of ints ({@code eos_token_id}). */
    public static List<Integer> idList(JsonNode n) {
        List<Integer> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asInt()));
        } else if (n.canConvertToInt()) {
            out.add(n.asInt());
        }
        return out;
    }

    private static int req(JsonNode n, String key) throws ModelLoadException {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToInt() || v.asInt() <= 0) {
            throw new ModelLoadException("config.json: " + key + " is missing or not a positive integer");
        }
        return v.asInt();
    }

    /** Parameters implied by this config (what the weights must hold). */
    public long parameterCount() {
        long h = hiddenSize;
        long attn = h * (long) numHeads * headDim * 2 + h * (long) numKvHeads * headDim * 2;
        long mlp = 3L * h * intermediateSize;
        long layer = attn + mlp + 2 * h;
        long emb = (long) vocabSize * h;
        return numLayers * layer + h + emb * (tieWordEmbeddings ? 1 : 2);
    }

    /** Inverse RoPE frequencies (length headDim/2), with the llama3 scaling applied as transformers does. */
    public double[] inverseFrequencies() {
        int half = headDim / 2;
        double[] inv = new double[half];
        for (int i = 0; i < half; i++) {
            inv[i] = 1.0 / Math.pow(ropeTheta, (2.0 * i) / headDim);
        }
        if (ropeScaling == null) {
            return inv;
        }
        double factor = ropeScaling.factor();
        double lowWave = ropeScaling.originalMaxPos() / ropeScaling.lowFreqFactor();
        double highWave = ropeScaling.originalMaxPos() / ropeScaling.highFreqFactor();
        for (int i = 0; i < half; i++) {
            double wavelen = 2 * Math.PI / inv[i];
            double f = wavelen > lowWave ? inv[i] / factor : inv[i];
            boolean medium = !(wavelen < highWave) && !(wavelen > lowWave);
            if (medium) {
                double smooth = (ropeScaling.originalMaxPos() / wavelen - ropeScaling.lowFreqFactor())
                        / (ropeScaling.highFreqFactor() - ropeScaling.lowFreqFactor());
                f = (1 - smooth) * f / factor + smooth * f;
            }
            inv[i] = f;
        }
        return inv;
    }
}
