package org.userlm.workbench.inference;

import java.time.Duration;

/**
 * Client-side limits on one generation, enforced whatever the server does: at most {@code maxNewTokens} (the
 * request's own, plus a small slack for servers that count differently), {@code maxChars} characters and
 * {@code maxDuration}. A reply past any of them is stopped and becomes a failed turn with a clear message.
 *
 * @param maxChars    most characters of one reply ({@code userlm.maxTurnChars}, default 1,000,000)
 * @param maxDuration longest time one reply may take ({@code userlm.maxTurnSeconds}, default 900 s)
 * @param tokenSlack  chunks allowed beyond the request's max tokens before the reply is stopped
 */
public record TurnLimits(int maxChars, Duration maxDuration, int tokenSlack) {
    /** The defaults (system properties may change them). */
    public static TurnLimits defaults() {
        return new TurnLimits(Integer.getInteger("userlm.maxTurnChars", 1_000_000),
                Duration.ofSeconds(Long.getLong("userlm.maxTurnSeconds", 900L)), 16);
    }

    /** The chunk or token count past which a reply asked for {@code maxNewTokens} is stopped; -1 for none. */
    public int tokenCap(Integer maxNewTokens) {
        return maxNewTokens == null || maxNewTokens <= 0 ? -1 : maxNewTokens + tokenSlack;
    }
}
