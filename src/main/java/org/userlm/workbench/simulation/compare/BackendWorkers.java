package org.userlm.workbench.simulation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.inference.TokenListener;

/**
 * One worker per backend: every distinct backend key (a local model folder, or base URL + model name) gets its own
 * executor with a fair FIFO queue. A local model's executor has one thread, so the conversations sharing it take
 * turns in the order they asked (round-robin at turn granularity); a server's allows {@code serverParallelism}
 * requests at once. The models handed out keep {@link ChatModel} semantics: {@code generate} blocks its caller,
 * streams to the listener (on the worker thread) and honours cancellation, also while the call is still queued.
 */
public final class BackendWorkers implements ModelProvider, AutoCloseable {
    /** Parallel requests per server backend by default. */
    public static final int DEFAULT_SERVER_PARALLELISM = 8;

    private final ModelProvider delegate;
    private final int serverParallelism;
    private final Map<String, ExecutorService> executors = new ConcurrentHashMap<>();
    private final Map<BackendSettings, ChatModel> models = new ConcurrentHashMap<>();

    public BackendWorkers(ModelProvider delegate) {
        this(delegate, DEFAULT_SERVER_PARALLELISM);
    }

    public BackendWorkers(ModelProvider delegate, int serverParallelism) {
        this.delegate = delegate;
        this.serverParallelism = Math.max(1, serverParallelism);
    }

    /** The backend key: {@code local:<path>} or {@code <baseUrl>|<model>}. */
    public static String key(BackendSettings s) {
        return s.kind() == BackendKind.LOCAL ? "local:" + s.localPath() : s.baseUrl() + "|" + s.model();
    }

    /** Whether calls to this backend are serialised on one thread (in-process models). */
    public static boolean serialised(BackendSettings s) {
        return s.kind() == BackendKind.LOCAL;
    }

    /** Opens the model through the delegate (once per settings) and queues its calls on the backend's worker. */
    @Override
    public ChatModel open(BackendSettings s) throws InferenceException {
        ChatModel inner;
        synchronized (this) {
            inner = models.get(s);
            if (inner == null) {
                inner = delegate.open(s);
                models.put(s, inner);
            }
        }
        ExecutorService exec = executors.computeIfAbsent(key(s), k -> executor(k, serialised(s)));
        return new Queued(inner, exec);
    }

    private ExecutorService executor(String key, boolean single) {
        int threads = single ? 1 : serverParallelism;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "backend-" + key + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** Stops the workers and closes the server clients it opened (in-process models belong to the provider). */
    @Override
    public void close() {
        executors.values().forEach(ExecutorService::shutdownNow);
        List<Map.Entry<BackendSettings, ChatModel>> opened = new ArrayList<>(models.entrySet());
        for (Map.Entry<BackendSettings, ChatModel> e : opened) {
            if (!serialised(e.getKey())) {
                e.getValue().close();
            }
        }
        models.clear();
        executors.clear();
    }

    /** A model whose calls wait their turn in the backend's queue. */
    private static final class Queued implements ChatModel {
        private final ChatModel inner;
        private final ExecutorService exec;

        Queued(ChatModel inner, ExecutorService exec) {
            this.inner = inner;
            this.exec = exec;
        }

        @Override
        public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel)
                throws InferenceException {
            GenerationResult cancelled = new GenerationResult("", FinishReason.CANCELLED, -1, -1, -1, 0);
            if (cancel.isCancelled()) {
                return cancelled;
            }
            // Whoever claims first wins: the worker (runs the call) or a cancel while still queued (drops it).
            AtomicBoolean claimed = new AtomicBoolean();
            CompletableFuture<GenerationResult> result = new CompletableFuture<>();
            try {
                exec.execute(() -> {
                    if (!claimed.compareAndSet(false, true)) {
                        return;
                    }
                    try {
                        result.complete(inner.generate(request, listener, cancel));
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new InferenceException("the backend workers are shut down");
            }
            Runnable unhook = cancel.onCancel(() -> {
                if (claimed.compareAndSet(false, true)) {
                    result.complete(cancelled);
                }
            });
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                return cancelled;
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof InferenceException ie) {
                    throw ie;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new InferenceException(String.valueOf(c.getMessage()), "", c);
            } finally {
                unhook.run();
            }
        }

        @Override
        public String modelName() {
            return inner.modelName();
        }

        @Override
        public ModelCapabilities capabilities() {
            return inner.capabilities();
        }
    }
}
