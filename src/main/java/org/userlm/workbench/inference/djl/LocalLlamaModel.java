package org.userlm.workbench.inference.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.ChatTemplate;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.TokenListener;

/**
 * A Llama model loaded in-process on DJL's PyTorch engine. One worker thread ({@code llama-worker-<name>})
 * owns the model and every NDArray; {@link #generate} renders the messages with the folder's chat template
 * ({@code add_generation_prompt = true}), tokenizes without adding BOS, submits to the worker and blocks.
 * The listener is called on the worker thread. Thread-safe; calls are served one at a time. The KV cache of the
 * last generation is kept, so the next prompt that starts with the same tokens (the same side's next turn) only
 * prefills what is new; a prompt that differs (an edit, a fork, another conversation) is recomputed from the
 * first differing token.
 *
 * <p>Just over 300 lines on purpose: loading, the worker thread that owns every NDArray, submission with
 * cancellation and release on close belong together; the forward pass and the tokenizer already live beside it
 * ({@link LlamaForward}, {@link LlamaTokenizer}).
 */
public final class LocalLlamaModel implements ChatModel {
    private final ModelFolder folder;
    private final ExecutorService worker;
    private final String deviceName;
    private final MemoryEstimate estimate;
    private LlamaTokenizer tokenizer;
    private NDManager manager;
    private LlamaForward forward;
    private ChatTemplate template;
    private Set<Integer> endIds;
    private String threads = "n/a (GPU)";
    private volatile boolean closed;
    private volatile boolean prefixReuse = !"false".equals(System.getProperty("userlm.prefixReuse"));

    private LocalLlamaModel(ModelFolder folder, ExecutorService worker, String deviceName, MemoryEstimate estimate) {
        this.folder = folder;
        this.worker = worker;
        this.deviceName = deviceName;
        this.estimate = estimate;
    }

    static LocalLlamaModel load(Path dir, LoadOptions opts, ProgressListener progress, CancellationToken cancel)
            throws ModelLoadException {
        ModelFolderCheck.vet(dir);
        ModelFolder folder = ModelFolder.open(dir);
        progress.onProgress("validated", 0.02);
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llama-worker-" + folder.name());
            t.setDaemon(true);
            return t;
        });
        try {
            return ex.submit(() -> init(folder, ex, opts, progress, cancel)).get();
        } catch (ExecutionException e) {
            ex.shutdownNow();
            Throwable c = e.getCause();
            if (c instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException(folder.name() + ": load failed: " + c, c);
        } catch (InterruptedException e) {
            ex.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ModelLoadException(folder.name() + ": load interrupted", e);
        }
    }

    private static LocalLlamaModel init(ModelFolder folder, ExecutorService ex, LoadOptions opts,
                                        ProgressListener progress, CancellationToken cancel) throws Exception {
        LlamaConfig c = folder.config();
        Device device = Devices.choose(opts.device());
        DataType dt = device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
        int maxSeq = opts.maxSeqLen() > 0 ? opts.maxSeqLen() : Math.min(c.maxPositions(), 8192);
        MemoryEstimate est = MemoryEstimate.of(c, folder.parameterCount(), dt == DataType.FLOAT32 ? 4 : 2, maxSeq);
        if (opts.checkMemory()) {
            est.check(device.isGpu() ? Devices.freeGpuBytes(device) : MemoryEstimate.freeHostBytes(),
                    device.toString());
        }
        LocalLlamaModel m = new LocalLlamaModel(folder, ex, device.toString(), est);
        if (!device.isGpu()) {
            CpuThreads.Choice t = CpuThreads.apply(opts.threads());
            m.threads = t.threads() + " (" + t.reason() + ")";
        }
        m.tokenizer = LlamaTokenizer.load(folder.tokenizerJson(), c.vocabSize());
        progress.onProgress("tokenizer", 0.1);
        m.manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            LlamaWeights w = LlamaWeights.load(folder, m.manager, dt, progress, cancel::isCancelled);
            m.forward = new LlamaForward(c, w, m.manager, dt, maxSeq);
        } catch (InterruptedException e) {
            m.release();
            throw new ModelLoadException(folder.name() + ": load cancelled");
        } catch (ModelLoadException | RuntimeException e) {
            m.release();
            throw e;
        }
        m.template = m.buildTemplate();
        m.endIds = m.buildEndIds();
        progress.onProgress("ready", 1.0);
        return m;
    }

    private ChatTemplate buildTemplate() {
        String src = folder.chatTemplate();
        if (src == null) {
            return null;
        }
        Map<String, String> special = new HashMap<>();
        for (String k : List.of("bos_token", "eos_token", "pad_token", "unk_token")) {
            String v = folder.specialToken(k);
            if (v != null) {
                special.put(k, v);
            }
        }
        return new ChatTemplate(src, special);
    }

    private Set<Integer> buildEndIds() {
        Set<Integer> ids = new LinkedHashSet<>(folder.eosTokenIds());
        int eos = tokenizer.singleId(folder.specialToken("eos_token"));
        if (eos >= 0) {
            ids.add(eos);
        }
        return Set.copyOf(ids);
    }

    /** Renders messages with the folder's chat template and a generation prompt. */
    public String renderChat(List<ChatMessage> messages) throws InferenceException {
        if (template == null) {
            throw new InferenceException(folder.name() + " has no chat template (tokenizer_config.json "
                    + "chat_template or chat_template.jinja)");
        }
        try {
            return template.render(messages, true);
        } catch (IllegalArgumentException e) {
            throw new InferenceException(e.getMessage(), "", e);
        }
    }

    /** Tokenizes; {@code addSpecialTokens} adds BOS the way the tokenizer does by default. */
    public long[] encode(String text, boolean addSpecialTokens) {
        return tokenizer.encode(text, addSpecialTokens);
    }

    /** Decodes ids, special tokens kept as text. */
    public String decode(long[] ids) {
        return tokenizer.decode(ids);
    }

    /** End ids (generation_config.json, config.json, tokenizer_config.json eos_token). */
    public Set<Integer> endIds() {
        return endIds;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel)
            throws InferenceException {
        String prompt = renderChat(request.messages());
        return generateIds(encode(prompt, false), request.params(), request.constraints(), request.stopStrings(),
                listener, cancel).toResult();
    }

    /** Generates from prompt ids on the worker thread; blocks until done. */
    public LocalGeneration generateIds(long[] promptIds, GenerationParams params, Constraints constraints,
                                       List<String> stopStrings, TokenListener listener, CancellationToken cancel)
            throws InferenceException {
        DecodeLoop loop = new DecodeLoop(this, promptIds, params, constraints, stopStrings,
                listener == null ? TokenListener.NONE : listener, cancel == null ? new CancellationToken() : cancel);
        return submit(loop, loop::partialText);
    }

    private <T> T submit(Callable<T> task, Supplier<String> partial) throws InferenceException {
        if (closed) {
            throw new InferenceException(folder.name() + " is closed");
        }
        Future<T> f;
        try {
            f = worker.submit(task);
        } catch (RejectedExecutionException e) {
            throw new InferenceException(folder.name() + " is closed", "", e);
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InferenceException ie) {
                throw ie;
            }
            throw new InferenceException("local generation failed: " + c, partial.get(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted", partial.get(), e);
        }
    }

    /** Runs a task on the worker thread (tests, diagnostics). */
    <T> T onWorker(Callable<T> task) throws InferenceException {
        return submit(task, () -> "");
    }

    /**
     * Whether a generation reuses the KV cache of the previous one for the prompt prefix they share (on by
     * default; {@code -Duserlm.prefixReuse=false} turns it off). Off, every generation prefills its whole prompt.
     */
    public boolean prefixReuse() {
        return prefixReuse;
    }

    /** Turns prefix reuse on or off (benchmarks, tests). */
    public void setPrefixReuse(boolean on) {
        prefixReuse = on;
    }

    LlamaForward forward() {
        return forward;
    }

    LlamaTokenizer tokenizer() {
        return tokenizer;
    }

    GenerationParams defaults() {
        return folder.generationDefaults();
    }

    /** The folder this model came from. */
    public ModelFolder folder() {
        return folder;
    }

    /** The device, e.g. {@code cpu()} or {@code gpu(0)}. */
    public String device() {
        return deviceName;
    }

    /** PyTorch's CPU thread count for this model and why, e.g. "1 (auto: 2 cores, ...)"; set when it loads. */
    public String threads() {
        return threads;
    }

    /** The memory estimate made before loading. */
    public MemoryEstimate memoryEstimate() {
        return estimate;
    }

    /** Float32 logits of the last position of {@code ids}, from an empty cache (tests, diagnostics). */
    public float[] lastLogits(long[] ids) throws InferenceException {
        return submit(() -> {
            forward.reset();
            return forward.forward(ids);
        }, () -> "");
    }

    @Override
    public String modelName() {
        return folder.name();
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(true, true, true);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            worker.submit(this::release).get();
        } catch (ExecutionException | InterruptedException | RejectedExecutionException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            worker.shutdown();
        }
    }

    private void release() {
        if (forward != null) {
            forward.close();
        }
        if (manager != null) {
            manager.close();
        }
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
