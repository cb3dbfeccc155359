package org.userlm.workbench.inference;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Hugging Face {@code chat_template} rendered with a Java Jinja engine, with the variables transformers passes
 * ({@code messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token}) and its environment
 * settings ({@code trim_blocks}, {@code lstrip_blocks}). Immutable and thread-safe.
 */
public final class ChatTemplate {

    /** The UserLM chat template (PROTOCOL.md section 1): no BOS, always a trailing {@code user} header. */
    public static final String USERLM_TEMPLATE = "{% for message in messages %}{{ '<|start_header_id|>' + "
            + "message['role'] + '<|end_header_id|>' }}\n{{ message['content'] }}<|eot_id|>{% endfor %}"
            + "{{ '<|start_header_id|>user<|end_header_id|>' }}";

    private static final Jinjava JINJAVA = new Jinjava(JinjavaConfig.newBuilder()
            .withTrimBlocks(true)
            .withLstripBlocks(true)
            .withFailOnUnknownTokens(false)
            .build());

    private final String source;
    private final Map<String, Object> specialTokens;

    /**
     * @param source         the Jinja source
     * @param specialTokens  {@code bos_token}, {@code eos_token}, ... as strings
     */
    public ChatTemplate(String source, Map<String, String> specialTokens) {
        this.source = Objects.requireNonNull(source, "source");
        this.specialTokens = new HashMap<>(specialTokens == null ? Map.of() : specialTokens);
    }

    /** The template source. */
    public String source() {
        return source;
    }

    /**
     * Renders the messages.
     *
     * @throws IllegalArgumentException when the template fails (syntax error, {@code raise_exception})
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        List<Map<String, Object>> msgs = new ArrayList<>();
        for (ChatMessage m : messages) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("role", m.role().wire());
            mm.put("content", m.content());
            msgs.add(mm);
        }
        Map<String, Object> ctx = new HashMap<>(specialTokens);
        ctx.put("messages", msgs);
        ctx.put("add_generation_prompt", addGenerationPrompt);
        RenderResult result = JINJAVA.renderForResult(source, ctx);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new IllegalArgumentException("chat template failed: " + fatal.get(0).getMessage());
        }
        return result.getOutput();
    }
}
