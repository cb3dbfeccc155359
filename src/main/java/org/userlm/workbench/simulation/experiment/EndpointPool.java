package org.userlm.workbench.simulation.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.inference.TokenListener;

/**
 * The models of an experiment: each profile's base URLs served round-robin, at most {@code limit} requests in flight
 * per endpoint (base URL; a local model takes one at a time), and a failed request retried with exponential backoff
 * and jitter when the failure is transient (HTTP 429, HTTP 5xx, connection errors, time-outs) and nothing has been
 * streamed yet. Every error is counted by kind. Thread-safe.
 */
public final class EndpointPool implements ModelProvider, AutoCloseable {
    /** Attempts per request (the first one included). */
    public static final int MAX_ATTEMPTS = 5;

    private final ModelProvider delegate;
    private final int limit;
    private final long backoffMillis;
    private final ErrorCounts errors;
    private final Map<BackendSettings, List<String>> replicas = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<BackendSettings, ChatModel> opened = new ConcurrentHashMap<>();

    /**
     * @param delegate      opens the real clients
     * @param limit         requests in flight per server endpoint
     * @param backoffMillis the first retry's delay (doubled each time)
     * @param errors        where errors are counted
     */
    public EndpointPool(ModelProvider delegate, int limit, long backoffMillis, ErrorCounts errors) {
        this.delegate = delegate;
        this.limit = Math.max(1, limit);
        this.backoffMillis = backoffMillis;
        this.errors = errors;
    }

    /** Declares the base URLs that serve a profile whose backend names the first of them. */
    public void replicas(BackendSettings primary, List<String> urls) {
        if (primary.kind() != BackendKind.LOCAL && urls.size() > 1) {
            replicas.put(primary, List.copyOf(urls));
        }
    }

    @Override
    public ChatModel open(BackendSettings s) throws InferenceException {
        List<String> urls = replicas.getOrDefault(s, s.kind() == BackendKind.LOCAL ? List.of("") : List.of(s.baseUrl()));
        List<ChatModel> models = new ArrayList<>();
        List<Semaphore> sems = new ArrayList<>();
        for (String url : urls) {
            BackendSettings b = s.kind() == BackendKind.LOCAL ? s : new BackendSettings(s.kind(), url, s.model(),
                    s.apiKeyEnv(), s.localPath(), s.timeoutSeconds(), s.chatTemplate(), s.extraBodyJson(),
                    s.serverBans());
            models.add(openOnce(b));
            String key = s.kind() == BackendKind.LOCAL ? "local:" + s.localPath() : url.replaceAll("/+$", "");
            sems.add(permits.computeIfAbsent(key, k -> new Semaphore(s.kind() == BackendKind.LOCAL ? 1 : limit, true)));
        }
        return new Pooled(models, sems);
    }

    private ChatModel openOnce(BackendSettings b) throws InferenceException {
        synchronized (opened) {
            ChatModel m = opened.get(b);
            if (m == null) {
                m = delegate.open(b);
                opened.put(b, m);
            }
            return m;
        }
    }

    /** Whether a failure is worth retrying. */
    static boolean transientFailure(String kind) {
        return kind.equals(ErrorCounts.HTTP_429) || kind.equals(ErrorCounts.HTTP_5XX)
                || kind.equals(ErrorCounts.CONNECTION) || kind.equals(ErrorCounts.TIMEOUT);
    }

    @Override
    public void close() {
        opened.values().forEach(ChatModel::close);
        opened.clear();
    }

    private final class Pooled implements ChatModel {
        private final List<ChatModel> models;
        private final List<Semaphore> sems;
        private final AtomicInteger next = new AtomicInteger();

        Pooled(List<ChatModel> models, List<Semaphore> sems) {
            this.models = models;
            this.sems = sems;
        }

        @Override
        public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel)
                throws InferenceException {
            for (int attempt = 1; ; attempt++) {
                int i = Math.floorMod(next.getAndIncrement(), models.size());
                AtomicBoolean streamed = new AtomicBoolean();
                try {
                    sems.get(i).acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    throw new InferenceException("interrupted while waiting for " + models.get(i).modelName());
                }
                try {
                    return models.get(i).generate(request, d -> {
                        streamed.set(true);
                        listener.onText(d);
                    }, cancel);
                } catch (InferenceException e) {
                    String kind = ErrorCounts.kindOf(e.getMessage());
                    errors.count(kind);
                    if (attempt >= MAX_ATTEMPTS || streamed.get() || cancel.isCancelled() || !transientFailure(kind)) {
                        throw e;
                    }
                    errors.retried();
                } finally {
                    sems.get(i).release();
                }
                sleep(attempt, cancel);
            }
        }

        private void sleep(int attempt, CancellationToken cancel) throws InferenceException {
            long base = backoffMillis << Math.min(attempt - 1, 6);
            long wait = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
            try {
                long end = System.currentTimeMillis() + wait;
                while (!cancel.isCancelled() && System.currentTimeMillis() < end) {
                    Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InferenceException("interrupted during a retry back-off");
            }
        }

        @Override
        public String modelName() {
            return models.get(0).modelName();
        }

        @Override
        public ModelCapabilities capabilities() {
            return models.get(0).capabilities();
        }

        @Override
        public void close() {
            // the pool closes the clients it opened
        }
    }
}
