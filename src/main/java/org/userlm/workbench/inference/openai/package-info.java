/**
 * The OpenAI-compatible HTTP backend: {@link org.userlm.workbench.inference.openai.OpenAiCompatibleClient}
 * configured by {@link org.userlm.workbench.inference.openai.OpenAiOptions}.
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>HTTP/1.1 only: vLLM and llama.cpp serve plain HTTP/1.1, and the JDK's h2c upgrade attempt buys nothing.</li>
 *   <li>The response is read on the caller's thread ({@code BodyHandlers.ofInputStream()}), so the token listener
 *       fires there; cancelling closes that stream, which aborts the exchange and unblocks the read at once.</li>
 *   <li>The request timeout bounds the wait for response headers; an idle watchdog bounds the gaps between
 *       bytes of the body. A long but steady stream never times out.</li>
 *   <li>{@code top_k} and {@code bad_words} are vLLM extensions: {@code top_k} is sent only when set and positive,
 *       {@code bad_words} only with {@code serverBans}. {@code bannedFirstWords} cannot be expressed on a server
 *       and is left to the caller's re-check.</li>
 *   <li>A stream that ends without {@code finish_reason} and without {@code [DONE]} is a failure that keeps the
 *       partial text; either marker alone is enough to call it complete.</li>
 * </ul>
 */
package org.userlm.workbench.inference.openai;
