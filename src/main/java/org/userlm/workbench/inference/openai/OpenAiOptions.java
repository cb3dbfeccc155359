package org.userlm.workbench.inference.openai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.userlm.workbench.inference.ChatTemplate;

/**
 * How an {@link OpenAiCompatibleClient} talks to its server, beyond what {@code BackendSettings} holds.
 * Immutable; use the {@code withXxx} copies to change one field.
 *
 * @param streaming     ask for server-sent events ({@code stream: true}); otherwise one JSON reply
 * @param includeUsage  when streaming, ask for {@code stream_options: {include_usage: true}} (some servers reject it)
 * @param serverBans    send {@code Constraints.bannedStrings} as vLLM's {@code bad_words}
 * @param extraBody     fields merged into every request body last, e.g. vLLM's {@code skip_special_tokens: false}
 *                      or {@code add_generation_prompt: true}; when both the client and this map set an array
 *                      field (such as {@code bad_words}) the arrays are concatenated, otherwise this map wins
 * @param env           looks up environment variables (the API key is read through it at request time)
 * @param chatTemplate  the template used by the completions endpoint, or null to use the one in
 *                      {@code BackendSettings.chatTemplate()} or else {@link ChatTemplate#USERLM_TEMPLATE}
 */
public record OpenAiOptions(boolean streaming, boolean includeUsage, boolean serverBans,
                            Map<String, Object> extraBody, Function<String, String> env,
                            ChatTemplate chatTemplate) {

    public OpenAiOptions {
        extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(extraBody == null ? Map.of() : extraBody));
        env = env == null ? System::getenv : env;
    }

    /** Streaming with usage, no server-side bans, no extra body, the process environment, default template. */
    public static OpenAiOptions defaults() {
        return new OpenAiOptions(true, true, false, Map.of(), System::getenv, null);
    }

    /** A copy with streaming on or off. */
    public OpenAiOptions withStreaming(boolean on) {
        return new OpenAiOptions(on, includeUsage, serverBans, extraBody, env, chatTemplate);
    }

    /** A copy that does or does not ask for {@code stream_options.include_usage}. */
    public OpenAiOptions withIncludeUsage(boolean on) {
        return new OpenAiOptions(streaming, on, serverBans, extraBody, env, chatTemplate);
    }

    /** A copy that does or does not send {@code bad_words}. */
    public OpenAiOptions withServerBans(boolean on) {
        return new OpenAiOptions(streaming, includeUsage, on, extraBody, env, chatTemplate);
    }

    /** A copy with another extra body (replaces the current one). */
    public OpenAiOptions withExtraBody(Map<String, Object> body) {
        return new OpenAiOptions(streaming, includeUsage, serverBans, body, env, chatTemplate);
    }

    /** A copy with another environment lookup (tests pass a map's {@code get}). */
    public OpenAiOptions withEnv(Function<String, String> lookup) {
        return new OpenAiOptions(streaming, includeUsage, serverBans, extraBody, lookup, chatTemplate);
    }

    /** A copy with an explicit chat template for the completions endpoint. */
    public OpenAiOptions withChatTemplate(ChatTemplate template) {
        return new OpenAiOptions(streaming, includeUsage, serverBans, extraBody, env, template);
    }
}
