package org.userlm.workbench.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;

/**
 * Lost-in-Conversation sharded reveal: turn 1 is shard 1 verbatim; each later turn an LLM reveals at most one
 * unrevealed shard, paraphrased, and answers with JSON {@code {"response": ..., "shard_id": ...}}; the conversation
 * ends when every shard has been revealed and answered. Revealed shards are read back from the stored turns.
 */
public final class ShardedRevealSimulator implements UserSimulator {

    /** The rule name recorded when the model's JSON is unusable. */
    public static final String FORMAT_RULE = "sharded_format";

    /** The shipped prompt [ours, after LiC]; {@code {shards}} and {@code {conversation}} are replaced. */
    public static final String DEFAULT_PROMPT = """
            You are simulating a user talking to an AI assistant. The information the user has is split into \
            shards; some were already revealed. In your next message reveal AT MOST ONE of the unrevealed shards, \
            paraphrased in your own words (do not copy it), never repeat a revealed shard and do not ask the \
            assistant questions. If the assistant asked something, you may answer it with the shard that fits best.

            Unrevealed shards (JSON):
            {shards}

            Conversation so far:
            {conversation}

            Answer with JSON only: {"response": "<your message to the assistant>", "shard_id": <the id you revealed>}""";

    /** Names the shipped prompt in stored settings. */
    public static final String PROMPT_VERSION = "sharded-default-v2 (ours, after LiC's rules)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChatModel model;
    private final GenerationParams params;
    private final String prompt;
    private final int maxRetries;

    public ShardedRevealSimulator(ChatModel model, GenerationParams params, String prompt, int maxRetries) {
        this.model = model;
        this.params = params;
        this.prompt = prompt == null || prompt.isBlank() ? DEFAULT_PROMPT : prompt;
        this.maxRetries = Math.max(0, maxRetries);
    }

    @Override
    public String kind() {
        return "sharded";
    }

    @Override
    public String modelName() {
        return model == null ? "sharded" : model.modelName();
    }

    /** The task's shards; an unsharded task is one shard holding the whole question. */
    static List<Shard> shards(Task task) {
        return task.shards().isEmpty() ? List.of(new Shard(1, task.question())) : task.shards();
    }

    @Override
    public UserTurn nextTurn(SimulationState state, TurnStream stream, CancellationToken cancel)
            throws InferenceException {
        List<Shard> shards = shards(state.task());
        Set<Integer> revealed = new TreeSet<>();
        for (Turn t : state.turns()) {
            if (t.role() == Role.USER && t.shardId() != null) {
                revealed.add(t.shardId());
            }
        }
        List<Shard> hidden = shards.stream().filter(s -> !revealed.contains(s.id())).toList();
        if (hidden.isEmpty()) {
            return UserTurn.typed("", true);
        }
        if (state.userTurns().isEmpty()) {
            Shard first = hidden.get(0);
            stream.onText(first.text());
            return new UserTurn(first.text(), first.text(), false, false, List.of(), null, null, null, null,
                    first.id());
        }
        return reveal(state, hidden, stream, cancel);
    }

    private UserTurn reveal(SimulationState state, List<Shard> hidden, TurnStream stream, CancellationToken cancel)
            throws InferenceException {
        List<GuardrailEvent> events = new ArrayList<>();
        List<ChatMessage> messages = List.of(ChatMessage.system(render(state, hidden)),
                ChatMessage.user("Write the user's next message now, as JSON."));
        for (int attempt = 1; attempt <= maxRetries + 1; attempt++) {
            GenerationParams p = params.withSeed(state.seedFor(attempt));
            // The raw JSON is not shown while it streams; the parsed response is shown once it is complete.
            GenerationResult r = model.generate(new GenerationRequest(messages, p), TokenListener.NONE, cancel);
            if (cancel.isCancelled()) {
                return new UserTurn("", r.text(), false, true, events, p, null, null, null, null);
            }
            String problem = null;
            JsonNode json = parse(r.text());
            if (json == null || !json.path("response").isTextual() || json.path("response").asText().isBlank()) {
                problem = "not JSON with a non-empty \"response\"";
            } else {
                int id = json.path("shard_id").asInt(-1);
                boolean known = hidden.stream().anyMatch(s -> s.id() == id);
                if (!known && id != -1) {
                    problem = "shard_id " + json.path("shard_id") + " is not an unrevealed shard";
                } else {
                    String response = json.path("response").asText().strip();
                    stream.onText(response);
                    return new UserTurn(response, r.text(), false, false, events, p, tokens(r.promptTokens()),
                            tokens(r.completionTokens()), r.firstTokenNanos() / 1_000_000, id == -1 ? null : id);
                }
            }
            GuardrailEvent e = new GuardrailEvent(FORMAT_RULE, r.text().strip(),
                    attempt <= maxRetries ? "regenerated" : "fallback_verbatim", problem, attempt);
            events.add(e);
            if (attempt <= maxRetries) {
                stream.onRedraw(e);
            }
        }
        Shard next = hidden.get(0);
        stream.onText(next.text());
        return new UserTurn(next.text(), next.text(), false, false, events, params, null, null, null, next.id());
    }

    private static Integer tokens(int n) {
        return n < 0 ? null : n;
    }

    private String render(SimulationState state, List<Shard> hidden) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Shard s : hidden) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shard_id", s.id());
            m.put("shard", s.text());
            list.add(m);
        }
        StringBuilder conv = new StringBuilder();
        for (Turn t : state.turns()) {
            conv.append(t.role() == Role.USER ? "User: " : "Assistant: ").append(t.content()).append("\n\n");
        }
        try {
            return prompt.replace("{shards}", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list))
                    .replace("{conversation}", conv.toString().strip());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first JSON object in the text (also inside a ```json fence), or null. */
    static JsonNode parse(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text.substring(start, end + 1));
            return n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
