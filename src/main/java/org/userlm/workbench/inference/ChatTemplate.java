package org.userlm.workbench.inference;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Hugging Face {@code chat_template} rendered with a Java Jinja engine, with the variables transformers passes
 * ({@code messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token}) and its environment
 * settings ({@code trim_blocks}, {@code lstrip_blocks}), within output, string, list and depth limits and a time
 * limit (a hostile template costs one error, not the process). Immutable and thread-safe.
 */
public final class ChatTemplate {

    /** The UserLM chat template (PROTOCOL.md section 1): no BOS, always a trailing {@code user} header. */
    public static final String USERLM_TEMPLATE = "{% for message in messages %}{{ '<|start_header_id|>' + "
            + "message['role'] + '<|end_header_id|>' }}\n{{ message['content'] }}<|eot_id|>{% endfor %}"
            + "{{ '<|start_header_id|>user<|end_header_id|>' }}";

    /** Longest rendered prompt or string a template may make (8 MB of characters). */
    public static final long MAX_OUTPUT_CHARS = 8L << 20;
    /** Longest a render may take. */
    public static final long MAX_RENDER_MILLIS = 5_000;
    private static final Jinjava JINJAVA = newJinjava();
    private static final ExecutorService RENDERER = Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(r, "chat-template-render");
                t.setDaemon(true);
                return t;
            });

    /**
     * Jinjava configured like transformers' sandboxed Jinja environment: trim_blocks, lstrip_blocks, {@code {{-}}
     * and {@code {#-}} whitespace control (off in Jinjava by default), Python operator precedence for filters
     * ({@code a + b | trim}), and the helpers HF templates call: {@code raise_exception}, {@code strftime_now}.
     */
    private static Jinjava newJinjava() {
        Jinjava j = new Jinjava(JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withFailOnUnknownTokens(false)
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withMaxStringLength(MAX_OUTPUT_CHARS)
                .withMaxListSize(100_000)
                .withMaxMapSize(100_000)
                .withMaxRenderDepth(20)
                .withMaxMacroRecursionDepth(20)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseTrimmingForNotesAndExpressions(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withUsePyishObjectMapper(true)
                        .withKeepNullableLoopValues(true)
                        .build())
                .build());
        j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class,
                "raiseException", String.class));
        j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now", ChatTemplate.class,
                "strftimeNow", String.class));
        return j;
    }

    /** {@code raise_exception(msg)} of HF templates: fails the render with the template's message. */
    public static String raiseException(String message) {
        throw new IllegalArgumentException(message);
    }

    /** {@code strftime_now(fmt)} of HF templates; supports the codes Llama templates use (%d %b %Y %m %B). */
    public static String strftimeNow(String format) {
        LocalDate d = LocalDate.now();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                sb.append(ch);
                continue;
            }
            char c = format.charAt(++i);
            switch (c) {
                case 'd' -> sb.append(String.format(Locale.ROOT, "%02d", d.getDayOfMonth()));
                case 'm' -> sb.append(String.format(Locale.ROOT, "%02d", d.getMonthValue()));
                case 'Y' -> sb.append(d.getYear());
                case 'b' -> sb.append(d.getMonth().getDisplayName(TextStyle.SHORT,
                        Locale.ENGLISH));
                case 'B' -> sb.append(d.getMonth().getDisplayName(TextStyle.FULL,
                        Locale.ENGLISH));
                default -> sb.append('%').append(c);
            }
        }
        return sb.toString();
    }

    private final String source;
    private final Map<String, Object> specialTokens;
    private final List<String> specialStrings;

    /**
     * @param source         the Jinja source
     * @param specialTokens  {@code bos_token}, {@code eos_token}, ... as strings
     */
    public ChatTemplate(String source, Map<String, String> specialTokens) {
        this.source = Objects.requireNonNull(source, "source");
        this.specialTokens = new HashMap<>(specialTokens == null ? Map.of() : specialTokens);
        this.specialStrings = specialTokens == null ? List.of() : List.copyOf(specialTokens.values());
    }

    /** The template source. */
    public String source() {
        return source;
    }

    /** The model's special-token strings known to this template (bos, eos, ...). */
    public List<String> specialStrings() {
        return specialStrings;
    }

    /**
     * Renders the messages. Special-token text inside message content is neutralised first
     * ({@link SpecialTokenText}): only the template's own markers are special.
     *
     * @throws IllegalArgumentException when the template fails (syntax error, {@code raise_exception})
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        List<Map<String, Object>> msgs = new ArrayList<>();
        for (ChatMessage m : messages) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("role", m.role().wire());
            mm.put("content", SpecialTokenText.neutralise(m.content(), specialStrings));
            msgs.add(mm);
        }
        Map<String, Object> ctx = new HashMap<>(specialTokens);
        ctx.put("messages", msgs);
        ctx.put("add_generation_prompt", addGenerationPrompt);
        RenderResult result;
        Future<RenderResult> job = RENDERER.submit(() -> JINJAVA.renderForResult(source, ctx));
        try {
            result = job.get(MAX_RENDER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new IllegalArgumentException("chat template failed: rendering took longer than "
                    + MAX_RENDER_MILLIS / 1000 + " s", e);
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("chat template failed: interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                throw new IllegalArgumentException("chat template failed: it needs more memory or depth than allowed",
                        cause);
            }
            throw new IllegalArgumentException("chat template failed: " + rootMessage(cause), cause);
        }
        if (result.getOutput() != null && result.getOutput().length() > MAX_OUTPUT_CHARS) {
            throw new IllegalArgumentException("chat template failed: the prompt is longer than "
                    + (MAX_OUTPUT_CHARS >> 20) + " M characters");
        }
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            TemplateError first = fatal.get(0);
            String why = first.getException() != null ? rootMessage(first.getException()) : null;
            throw new IllegalArgumentException("chat template failed: " + first.getMessage()
                    + (why != null && !why.equals(first.getMessage()) ? ": " + why : ""));
        }
        return result.getOutput();
    }

    /**
     * A template's first problem, as an editor shows it while the user types.
     *
     * @param line    1-based line of the problem, or 0 when the engine does not say
     * @param message what the engine said
     */
    public record Problem(int line, String message) {
    }

    /**
     * Checks a template the way it will run: renders it with a short sample conversation (system, user, assistant)
     * in the same engine and limits as {@link #render}. Blocks up to {@link #MAX_RENDER_MILLIS}; call it off the FX
     * thread. Returns null when the template renders.
     */
    public static Problem check(String source) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("bos_token", "<s>");
        ctx.put("eos_token", "</s>");
        ctx.put("add_generation_prompt", true);
        ctx.put("messages", List.of(Map.of("role", "system", "content", "intent"),
                Map.of("role", "user", "content", "hello"), Map.of("role", "assistant", "content", "hi")));
        Future<RenderResult> job = RENDERER.submit(() -> JINJAVA.renderForResult(source, ctx));
        RenderResult result;
        try {
            result = job.get(MAX_RENDER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            return new Problem(0, "rendering took longer than " + MAX_RENDER_MILLIS / 1000 + " s");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            return new Problem(0, "interrupted");
        } catch (ExecutionException e) {
            return new Problem(0, String.valueOf(rootMessage(e.getCause())));
        }
        return result.getErrors().stream().filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .findFirst().map(e -> {
                    // A failed call (raise_exception) says why only in its cause; a parse error's cause repeats it.
                    String why = e.getException() != null ? rootMessage(e.getException()) : null;
                    boolean adds = why != null && !why.equals(e.getMessage()) && !why.startsWith("Error parsing");
                    return new Problem(Math.max(0, e.getLineno()), e.getMessage() + (adds ? ": " + why : ""));
                }).orElse(null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
