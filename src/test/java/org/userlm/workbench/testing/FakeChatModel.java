package org.userlm.workbench.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.TokenListener;

/**
 * An in-memory ChatModel for simulation unit tests: replies are scripted, streamed in 3-character pieces, and every
 * request is recorded. (Tests of the HTTP client and the CLI use the scripted server on loopback instead.)
 */
public final class FakeChatModel implements ChatModel {
    private final String name;
    private final Deque<String> replies = new ArrayDeque<>();
    private final List<GenerationRequest> requests = new ArrayList<>();
    private Function<GenerationRequest, String> responder;

    /** A reply text that makes the fake throw, keeping the text after the prefix as partial output. */
    public static final String FAIL_PREFIX = "!fail:";

    public FakeChatModel(String name, String... replies) {
        this.name = name;
        this.replies.addAll(List.of(replies));
    }

    /** Used when the scripted replies run out. */
    public FakeChatModel respond(Function<GenerationRequest, String> r) {
        this.responder = r;
        return this;
    }

    public synchronized List<GenerationRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenListener listener, CancellationToken cancel)
            throws InferenceException {
        String reply;
        synchronized (this) {
            requests.add(request);
            reply = !replies.isEmpty() ? replies.poll() : responder != null ? responder.apply(request) : null;
        }
        if (reply == null) {
            throw new InferenceException("no scripted reply");
        }
        boolean fail = reply.startsWith(FAIL_PREFIX);
        String text = fail ? reply.substring(FAIL_PREFIX.length()) : reply;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 3) {
            if (cancel.isCancelled()) {
                return new GenerationResult(out.toString(), FinishReason.CANCELLED, 5, out.length(), 1, 2);
            }
            String piece = text.substring(i, Math.min(text.length(), i + 3));
            out.append(piece);
            listener.onText(piece);
        }
        if (fail) {
            throw new InferenceException("stream dropped", out.toString(), null);
        }
        return new GenerationResult(out.toString(), FinishReason.STOP, 5, Math.max(1, text.length() / 4), 1000, 2000);
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(true, false, true);
    }
}
