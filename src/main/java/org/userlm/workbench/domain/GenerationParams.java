package org.userlm.workbench.domain;

/**
 * Sampling parameters actually used for one generation. Null fields mean "backend default".
 *
 * @param temperature    softmax temperature; 0 means greedy
 * @param topP           nucleus sampling mass
 * @param topK           top-k cut-off (0 or null: off)
 * @param maxNewTokens   generation cap in tokens
 * @param seed           sampling seed, where the backend supports one
 */
public record GenerationParams(Double temperature, Double topP, Integer topK, Integer maxNewTokens, Long seed) {

    /** The UserLM-8b model card's sampling: temperature 1.0, top-p 0.8, 256 new tokens. */
    public static GenerationParams userLmCard() {
        return new GenerationParams(1.0, 0.8, null, 256, null);
    }

    /** What {@code generation_config.json} of UserLM-8b reportedly says: temperature 0.6, top-p 0.9. */
    public static GenerationParams userLmGenerationConfig() {
        return new GenerationParams(0.6, 0.9, null, 256, null);
    }

    /** A sensible assistant default: temperature 0.7, top-p 0.95, 1024 tokens. */
    public static GenerationParams assistantDefault() {
        return new GenerationParams(0.7, 0.95, null, 1024, null);
    }

    /**
     * The sharded simulator's sampling as Lost in Conversation runs it: temperature 1.0 and nothing else set
     * (top-p 1.0); 1024 tokens is our cap for the JSON reply [ours].
     */
    public static GenerationParams licSharded() {
        return new GenerationParams(1.0, 1.0, null, 1024, null);
    }

    /** Greedy decoding. */
    public static GenerationParams greedy(int maxNewTokens) {
        return new GenerationParams(0.0, 1.0, null, maxNewTokens, null);
    }

    /** A copy with another seed. */
    public GenerationParams withSeed(Long newSeed) {
        return new GenerationParams(temperature, topP, topK, maxNewTokens, newSeed);
    }

    /** A copy with another token cap. */
    public GenerationParams withMaxNewTokens(Integer n) {
        return new GenerationParams(temperature, topP, topK, n, seed);
    }
}
