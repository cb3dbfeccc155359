package org.userlm.workbench.evaluation.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;

/**
 * A judge model (any OpenAI-compatible or local {@link ChatModel}) that does Lost in Conversation's two steps on an
 * assistant turn: classify it ({@link TurnCategory}) and, for an answer attempt, extract the answer verbatim (up to
 * three tries; a copy that does not occur in the reply is refused; none: empty). Greedy decoding, one {@code user}
 * message per call, as LiC does. Blocks the calling thread; not for the FX thread.
 */
public final class TurnJudge {
    /** Extraction tries before giving up (LiC: 3). */
    public static final int EXTRACTION_TRIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChatModel model;

    public TurnJudge(ChatModel model) {
        this.model = model;
    }

    /** The judge model's name, stored with each judged turn. */
    public String modelName() {
        return model.modelName();
    }

    /** LiC's classification of one assistant reply; an unreadable verdict is an {@link InferenceException}. */
    public TurnCategory classify(Task task, String reply) throws InferenceException {
        if (reply == null || reply.isBlank()) {
            return TurnCategory.MISSING;
        }
        String prompt = JudgePrompts.CLASSIFY.replace("{problem}", problem(task))
                .replace("{answer_description}", JudgePrompts.answerDescription(task.kind()))
                .replace("{reply}", "[assistant] " + reply);
        String raw = ask(prompt);
        JsonNode json = parse(raw);
        TurnCategory c = json == null ? null : TurnCategory.fromWire(json.path("response_type").asText(null));
        if (c == null) {
            throw new InferenceException("the judge's classification is not one of the seven types: " + raw);
        }
        return c;
    }

    /** LiC's extraction step: the answer copied verbatim out of the reply, or "" after three failed tries. */
    public String extract(Task task, String reply) throws InferenceException {
        String prompt = JudgePrompts.EXTRACT.replace("{answer_description}",
                JudgePrompts.answerDescription(task.kind())).replace("{reply}", "[assistant] " + reply);
        for (int i = 0; i < EXTRACTION_TRIES; i++) {
            JsonNode json = parse(ask(prompt));
            if (json != null && json.has("answer") && !json.get("answer").isNull()) {
                String a = json.get("answer").isTextual() ? json.get("answer").asText() : json.get("answer").toString();
                if (reply.contains(a)) {
                    return a;
                }
            }
        }
        return "";
    }

    private String ask(String prompt) throws InferenceException {
        GenerationRequest req = new GenerationRequest(List.of(ChatMessage.user(prompt)), GenerationParams.greedy(512));
        GenerationResult r = model.generate(req, TokenListener.NONE, new CancellationToken());
        return r.text();
    }

    /** The full problem the judge is shown: the question, else the shards. */
    static String problem(Task task) {
        if (!task.question().isBlank()) {
            return task.question().strip();
        }
        return task.shards().stream().map(Shard::text).collect(Collectors.joining("\n"));
    }

    /** The first JSON object in the text (also inside a fence), or null. */
    static JsonNode parse(String text) {
        int start = text == null ? -1 : text.indexOf('{');
        int end = text == null ? -1 : text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text.substring(start, end + 1));
            return n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }
}
