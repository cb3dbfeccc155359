package org.userlm.workbench.evaluation.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.storage.JudgeCache;

/**
 * A judge model answering YES/NO questions [our prompts, version {@link #PROMPT_VERSION}], greedy. Every answer is
 * cached by (model, prompt version, SHA-256 of the prompt), so a report re-run never calls the judge again. When a
 * call fails or the answer is neither YES nor NO, that item falls back to the heuristic (counted in
 * {@link #fallbacks()}).
 */
public final class ModelJudge implements TurnJudge {
    /** Bump when a prompt changes: old cache entries then no longer match. */
    public static final String PROMPT_VERSION = "i11-judge-v1";

    private final ChatModel model;
    private final String modelName;
    private final JudgeCache cache;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final HeuristicJudge fallback = HeuristicJudge.create();

    public ModelJudge(ChatModel model, String modelName, JudgeCache cache) {
        this.model = model;
        this.modelName = modelName;
        this.cache = cache;
    }

    @Override
    public String method() {
        return "judge";
    }

    /** Judge calls made (cache misses). */
    public long calls() {
        return calls.get();
    }

    /** Items that fell back to the heuristic. */
    public long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public boolean roleAdherent(String intent, String turn) {
        Boolean b = ask("You check a simulated USER talking to an AI assistant. The user must stay a user: ask, "
                + "answer the assistant's questions, give information; never act as the assistant (offer a solution, "
                + "explain the answer, speak as an AI).\n\nUser turn:\n" + turn
                + "\n\nDoes this turn stay in the user's role? Answer YES or NO only.");
        return b != null ? b : fallback.roleAdherent(intent, turn);
    }

    @Override
    public boolean intentAdherent(String intent, String turn) {
        Boolean b = ask("A simulated USER pursues this intent:\n" + intent + "\n\nUser turn:\n" + turn
                + "\n\nDoes this turn stay on the intent (not switch to another goal or question)? "
                + "Answer YES or NO only.");
        return b != null ? b : fallback.intentAdherent(intent, turn);
    }

    @Override
    public boolean shardConveyed(String shard, String userText) {
        Boolean b = ask("Piece of information:\n" + shard + "\n\nEverything the user said:\n" + userText
                + "\n\nDid the user convey this piece of information (in any words)? Answer YES or NO only.");
        return b != null ? b : fallback.shardConveyed(shard, userText);
    }

    private Boolean ask(String prompt) {
        String key = sha256(prompt);
        String answer = cache.find(modelName, PROMPT_VERSION, key).orElse(null);
        if (answer == null) {
            try {
                calls.incrementAndGet();
                answer = model.generate(new GenerationRequest(List.of(ChatMessage.user(prompt)),
                        GenerationParams.greedy(4)), TokenListener.NONE, new CancellationToken()).text();
                cache.put(modelName, PROMPT_VERSION, key, answer);
            } catch (InferenceException e) {
                fallbacks.incrementAndGet();
                return null;
            }
        }
        String a = answer.strip().toUpperCase(Locale.ROOT);
        if (a.startsWith("YES")) {
            return true;
        }
        if (a.startsWith("NO")) {
            return false;
        }
        fallbacks.incrementAndGet();
        return null;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
