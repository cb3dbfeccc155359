package org.userlm.workbench.inference.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code tokenizer.json} through DJL's HuggingFace tokenizers, with truncation and padding off (DJL's default
 * silently truncates to 512 tokens). Thread-safe for encode/decode.
 */
public final class LlamaTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tok;
    private volatile String[] tokenTexts;
    private final int vocabSize;

    private LlamaTokenizer(HuggingFaceTokenizer tok, int vocabSize) {
        this.tok = tok;
        this.vocabSize = vocabSize;
    }

    /** Loads {@code tokenizer.json}. */
    public static LlamaTokenizer load(Path tokenizerJson, int vocabSize) throws ModelLoadException {
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true"));
            return new LlamaTokenizer(t, vocabSize);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("tokenizer.json: cannot load: " + e.getMessage(), e);
        }
    }

    /** Encodes text; {@code addSpecialTokens} adds what the tokenizer's post-processor adds (BOS for Llama-3). */
    public long[] encode(String text, boolean addSpecialTokens) {
        return tok.encode(text, addSpecialTokens, false).getIds();
    }

    /** Decodes ids, keeping special tokens as text. */
    public String decode(long[] ids) {
        return tok.decode(ids, false);
    }

    /** The id of a string that encodes to exactly one token, or -1. */
    public int singleId(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        long[] ids = encode(text, false);
        return ids.length == 1 ? (int) ids[0] : -1;
    }

    /** The decoded text of every id below the model's vocabulary size (computed once, lazily). */
    public String[] tokenTexts() {
        String[] t = tokenTexts;
        if (t == null) {
            long[][] ids = new long[vocabSize][];
            for (int i = 0; i < vocabSize; i++) {
                ids[i] = new long[] {i};
            }
            t = tok.batchDecode(ids, false);
            tokenTexts = t;
        }
        return t;
    }

    @Override
    public void close() {
        tok.close();
    }
}
