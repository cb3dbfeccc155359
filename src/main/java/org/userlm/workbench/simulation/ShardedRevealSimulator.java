package org.userlm.workbench.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.userlm.workbench.domain.EndReason;
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
 * Lost-in-Conversation sharded reveal, run as LiC runs it (facts read from microsoft/lost_in_conversation,
 * {@code simulator_sharded.py} and {@code user_agent.py}; the prompt is ours): turn 1 is shard 1 verbatim; each later
 * turn the whole prompt goes to the user model as one {@code user} message (sampling: temperature 1.0), which answers
 * with JSON {@code {"response": ..., "shard_id": ...}}: at most one unrevealed shard, or {@code -1} when it answers
 * something that reveals none. Once every shard is revealed and the assistant has answered, the conversation ends
 * with {@code all_shards_revealed}. Revealed shards are read back from the stored turns.
 *
 * <p>Prompt placeholders: ours {@code {conversation}}, {@code {revealed}}, {@code {shards}} (the unrevealed ones), and
 * LiC's {@code [[CONVERSATION_SO_FAR]]}, {@code [[SHARDS_REVEALED]]}, {@code [[SHARDS_NOT_REVEALED]]}, so a
 * researcher's copy of LiC's original prompt works unchanged (setting: simulator prompt / {@code --user-prompt-file}).
 * Differences from LiC, on purpose: a reply that is not JSON, or names a shard that is unknown or already revealed,
 * is redrawn (LiC would count the id as revealed); after the retries the next shard is revealed verbatim.
 */
public final class ShardedRevealSimulator implements UserSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rule name recorded when the model's JSON is unusable. */
    public static final String FORMAT_RULE = "sharded_format";

    /** The shipped prompt [ours, following LiC's rules for its simulated user]. */
    public static final String DEFAULT_PROMPT = """
            You are playing a person who is chatting with an AI assistant (such as ChatGPT) to get a problem solved. \
            The person is lazy: they type little, give only the minimum, and never volunteer more than they are \
            asked for.

            The conversation so far:
            {conversation}

            Pieces of information ("shards") the person has already given:
            {revealed}

            Shards the person has not given yet:
            {shards}

            Write the person's next message. Follow these rules:
            - Give at most one new shard per message, choosing the most basic one that is most relevant right now.
            - When you give a shard, include everything in it; leaving out a detail counts as not giving it.
            - Say it in your own casual words; do not copy the shard's wording.
            - Never give a shard that was already given.
            - If the assistant asks something no remaining shard answers, or something generic, answer without \
            giving a shard (for example "not sure", "does that matter?") and use shard_id -1. Never invent \
            information that is not in a shard.
            - Write statements, not questions.
            - Keep it short; typos, lower case and loose grammar are fine: the person is in a hurry.

            Reply with a JSON object only, with two keys: "response" (the message) and "shard_id" (the id of the \
            shard you gave, or -1 if you gave none). For example {"response": "its for 3 people", "shard_id": 2}""";

    /** Names the shipped prompt in stored settings. */
    public static final String PROMPT_VERSION = "sharded-default-v2 (ours, after LiC's rules)";

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

    private static Set<Integer> revealed(SimulationState state) {
        Set<Integer> revealed = new TreeSet<>();
        for (Turn t : state.turns()) {
            if (t.role() == Role.USER && t.shardId() != null) {
                revealed.add(t.shardId());
            }
        }
        return revealed;
    }

    /** Every shard revealed and the assistant has answered the last user turn: LiC's end. */
    @Override
    public EndReason endBeforeTurn(SimulationState state) {
        Set<Integer> revealed = revealed(state);
        boolean all = shards(state.task()).stream().allMatch(s -> revealed.contains(s.id()));
        boolean answered = !state.turns().isEmpty()
                && state.turns().get(state.turns().size() - 1).role() == Role.ASSISTANT;
        return all && answered ? EndReason.ALL_SHARDS_REVEALED : null;
    }

    @Override
    public UserTurn nextTurn(SimulationState state, TurnStream stream, CancellationToken cancel)
            throws InferenceException {
        List<Shard> shards = shards(state.task());
        Set<Integer> revealed = revealed(state);
        List<Shard> hidden = shards.stream().filter(s -> !revealed.contains(s.id())).toList();
        if (hidden.isEmpty()) {
            return UserTurn.typed("", true);
        }
        if (state.userTurns().isEmpty()) {
            Shard first = shards.get(0);
            stream.onText(first.text());
            return new UserTurn(first.text(), first.text(), false, false, List.of(), null, null, null, null,
                    first.id());
        }
        return reveal(state, shards, revealed, hidden, stream, cancel);
    }

    private UserTurn reveal(SimulationState state, List<Shard> shards, Set<Integer> revealed, List<Shard> hidden,
                            TurnStream stream, CancellationToken cancel) throws InferenceException {
        List<GuardrailEvent> events = new ArrayList<>();
        List<ChatMessage> messages = List.of(ChatMessage.user(render(state, shards, revealed, hidden)));
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

    /**
     * The prompt with the conversation ({@code [user] ...} / {@code [assistant] ...} blocks, as LiC writes it) and
     * the revealed / unrevealed shards after the first (JSON lists of {@code {"shard_id", "shard"}}, as Python's
     * {@code json.dumps} writes them).
     */
    String render(SimulationState state, List<Shard> shards, Set<Integer> revealed, List<Shard> hidden) {
        StringBuilder conv = new StringBuilder();
        for (Turn t : state.turns()) {
            if (conv.length() > 0) {
                conv.append("\n\n");
            }
            conv.append(t.role() == Role.USER ? "[user] " : "[assistant] ").append(t.content());
        }
        List<Shard> rest = shards.subList(1, shards.size());
        String shown = pyJson(rest.stream().filter(x -> revealed.contains(x.id())).toList());
        String notShown = pyJson(rest.stream().filter(x -> hidden.contains(x)).toList());
        return prompt.replace("[[CONVERSATION_SO_FAR]]", conv).replace("[[SHARDS_REVEALED]]", shown)
                .replace("[[SHARDS_NOT_REVEALED]]", notShown).replace("{conversation}", conv)
                .replace("{revealed}", shown).replace("{shards}", notShown);
    }

    /** A shard list as Python's {@code json.dumps} writes it (", " and ": " separators, non-ASCII escaped). */
    static String pyJson(List<Shard> list) {
        StringBuilder sb = new StringBuilder("[");
        for (Shard x : list) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append("{\"shard_id\": ").append(x.id()).append(", \"shard\": ").append(pyString(x.text())).append('}');
        }
        return sb.append(']').toString();
    }

    private static String pyString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
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
        } catch (IOException e) {
            return null;
        }
    }
}
