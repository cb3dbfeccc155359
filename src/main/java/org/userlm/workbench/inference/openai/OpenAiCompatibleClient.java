package org.userlm.workbench.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.ChatTemplate;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.inference.TurnLimits;

/**
 * A {@link ChatModel} over an OpenAI-compatible HTTP server (vLLM, llama.cpp, OpenAI, ...).
 *
 * <p>{@link BackendKind#OPENAI_CHAT} posts {@code messages} to {@code {base}/chat/completions};
 * {@link BackendKind#OPENAI_COMPLETIONS} renders the messages with a chat template
 * ({@code add_generation_prompt = true}) and posts the {@code prompt} to {@code {base}/completions}.
 * Replies are read as server-sent events or as one JSON body ({@link OpenAiOptions#streaming()}).
 *
 * <p>Threads: {@link #generate} blocks its caller and reads the response on that same thread, so the
 * {@link TokenListener} is called on the caller's thread, once per received chunk. Cancellation closes the
 * response stream at once from the cancelling thread (use the token: the JDK's response stream does not react
 * to thread interrupts). A stream that delivers no byte for
 * {@code timeoutSeconds} is closed by a watchdog. The API key is read from the environment variable named in
 * the settings at each request and is never stored or logged. Thread-safe: calls may run concurrently.
 */
public final class OpenAiCompatibleClient implements ChatModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WHOLE_BYTES = 64 << 20;

    private final BackendSettings settings;
    private final OpenAiOptions options;
    private final String baseUrl;
    private final Transport transport;
    private final RequestBodies bodies;
    private final ChatTemplate template;

    /**
     * @param settings  an {@code OPENAI_CHAT} or {@code OPENAI_COMPLETIONS} backend with a base URL and model
     * @param options   streaming, bans, extra body, environment lookup
     * @throws IllegalArgumentException for a local backend, a missing base URL or model, or a bad URL
     */
    public OpenAiCompatibleClient(BackendSettings settings, OpenAiOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = options == null ? OpenAiOptions.defaults() : options;
        if (settings.kind() == BackendKind.LOCAL) {
            throw new IllegalArgumentException("a local backend is not an OpenAI-compatible server");
        }
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalArgumentException("no base URL (e.g. http://127.0.0.1:8000/v1)");
        }
        if (settings.model() == null || settings.model().isBlank()) {
            throw new IllegalArgumentException("no model name");
        }
        this.baseUrl = settings.baseUrl().strip().replaceAll("/+$", "");
        String scheme = URI.create(baseUrl + "/models").getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the base URL must start with http:// or https://: " + baseUrl);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .build();
        this.transport = new Transport(http, baseUrl, settings.timeoutSeconds());
        this.bodies = new RequestBodies(JSON, settings.model(), this.options);
        this.template = this.options.chatTemplate() != null ? this.options.chatTemplate()
                : new ChatTemplate(settings.chatTemplate() == null || settings.chatTemplate().isBlank()
                        ? ChatTemplate.USERLM_TEMPLATE : settings.chatTemplate(), Map.of());
    }

    /** A client with {@link OpenAiOptions#defaults()}. */
    public OpenAiCompatibleClient(BackendSettings settings) {
        this(settings, OpenAiOptions.defaults());
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel)
            throws InferenceException {
        long start = System.nanoTime();
        TokenListener sink = listener == null ? TokenListener.NONE : listener;
        CancellationToken token = cancel == null ? new CancellationToken() : cancel;
        TurnLimits limits = TurnLimits.defaults();
        CompletionReader reader = new CompletionReader(JSON, sink, start,
                limits.tokenCap(request.params().maxNewTokens()), limits);
        if (token.isCancelled()) {
            return reader.result(FinishReason.CANCELLED);
        }
        boolean chat = settings.kind() == BackendKind.OPENAI_CHAT;
        ObjectNode body = chat ? bodies.chat(request) : bodies.completion(request, renderPrompt(request));
        HttpRequest http = post(chat ? "/chat/completions" : "/completions", body);
        try (Transport.Response response = transport.open(http, token)) {
            if (response == null) {
                return reader.result(FinishReason.CANCELLED);
            }
            if (response.status() >= 400) {
                throw HttpErrors.status(response.status(), response.url(), response.errorBody(),
                        settings.apiKeyEnv());
            }
            return read(response, reader, token);
        }
    }

    private GenerationResult read(Transport.Response response, CompletionReader reader, CancellationToken token)
            throws InferenceException {
        IOException failure = null;
        try {
            BufferedReader in = options.streaming()
                    ? new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)) : null;
            if (in != null && !startsWithJsonObject(in)) {
                reader.readStream(in);
            } else {
                String whole = in == null ? response.readAll(MAX_WHOLE_BYTES) : readCapped(in);
                if (!token.isCancelled() && !response.idleTimedOut()) {
                    reader.readWhole(whole);
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InferenceException e) {
            if (token.isCancelled()) {
                return reader.result(FinishReason.CANCELLED);
            }
            throw e;
        }
        if (token.isCancelled()) {
            return reader.result(FinishReason.CANCELLED);
        }
        if (reader.finished() && (failure == null || reader.hasFinishReason())) {
            return reader.result(null);
        }
        if (response.idleTimedOut()) {
            throw new InferenceException("no data from server for " + transport.timeoutSeconds() + " s ("
                    + response.url() + ")", reader.text(), failure);
        }
        String why = failure == null ? "" : " (" + HttpErrors.describe(failure) + ")";
        String what = options.streaming() ? "no finish_reason and no [DONE] after " + reader.text().length()
                + " characters" : "the connection closed before the whole JSON reply arrived";
        throw new InferenceException("stream ended before the server finished the reply: " + what + why,
                reader.text(), failure);
    }

    /** Whether a streamed reply is in fact one JSON body (a server that ignored {@code "stream": true}). */
    private static boolean startsWithJsonObject(BufferedReader in) throws IOException {
        in.mark(4096);
        int c;
        int seen = 0;
        do {
            c = in.read();
            seen++;
        } while (c >= 0 && Character.isWhitespace(c) && seen < 4000);
        in.reset();
        return c == '{';
    }

    private static String readCapped(BufferedReader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            sb.append(buf, 0, n);
            if (sb.length() > MAX_WHOLE_BYTES) {
                throw new IOException("the reply is larger than the client-side limit of " + (MAX_WHOLE_BYTES >> 20)
                        + " MB");
            }
        }
        return sb.toString();
    }

    /**
     * The model ids the server offers ({@code GET {base}/models}), for a "Test connection" button.
     *
     * @throws InferenceException with a short message when the server cannot be reached or answers an error
     */
    public List<String> listModels() throws InferenceException {
        HttpRequest http = authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/models")))
                .header("Accept", "application/json").GET().build();
        CancellationToken never = new CancellationToken();
        try (Transport.Response response = transport.open(http, never)) {
            if (response == null) {
                throw new InferenceException("interrupted while listing models");
            }
            if (response.status() >= 400) {
                throw HttpErrors.status(response.status(), response.url(), response.errorBody(),
                        settings.apiKeyEnv());
            }
            JsonNode node = JSON.readTree(response.readAll());
            List<String> ids = new ArrayList<>();
            for (JsonNode m : node.path("data")) {
                if (m.path("id").isTextual()) {
                    ids.add(m.get("id").asText());
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new InferenceException("bad reply to GET " + baseUrl + "/models: " + HttpErrors.describe(e),
                    "", e);
        }
    }

    @Override
    public String modelName() {
        return settings.model();
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(true, options.serverBans(), true);
    }

    /** The base URL without trailing slashes. */
    public String baseUrl() {
        return baseUrl;
    }

    private String renderPrompt(GenerationRequest request) throws InferenceException {
        try {
            return template.render(request.messages(), true);
        } catch (IllegalArgumentException e) {
            throw new InferenceException(e.getMessage(), "", e);
        }
    }

    private HttpRequest post(String path, ObjectNode body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise request body", e);
        }
        return authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                .header("Content-Type", "application/json")
                .header("Accept", options.streaming() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        b.timeout(Duration.ofSeconds(settings.timeoutSeconds()));
        String env = settings.apiKeyEnv();
        if (env != null && !env.isBlank()) {
            String key = options.env().apply(env.strip());
            if (key != null && !key.isBlank()) {
                b.header("Authorization", "Bearer " + key.strip());
            }
        }
        return b;
    }
}
