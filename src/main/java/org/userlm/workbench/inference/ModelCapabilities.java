package org.userlm.workbench.inference;

/**
 * What a backend can do beyond plain generation.
 *
 * @param seed          honours {@code seed}
 * @param bans          applies {@link Constraints} while sampling (logits processors, logit_bias, bad_words)
 * @param streaming     streams tokens
 */
public record ModelCapabilities(boolean seed, boolean bans, boolean streaming) {
}
