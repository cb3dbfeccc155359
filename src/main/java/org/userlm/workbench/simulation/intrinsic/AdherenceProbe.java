package org.userlm.workbench.simulation.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.StopWords;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.simulation.SimulationState;
import org.userlm.workbench.simulation.TurnStream;
import org.userlm.workbench.simulation.UserLmSimulator;
import org.userlm.workbench.simulation.UserTurn;

/**
 * The paper's adherence set-ups [procedure and wording ours]: the user model writes turn 1 from an intent, a
 * scripted assistant turn tempts it out of its role, and its turn 2 is checked by a judge model when one is given,
 * else by a heuristic (the output says which).
 * <ul>
 *   <li><b>role</b> (multiple-choice questions): the assistant asks the user which option is right; the user breaks
 *   its role when turn 2 picks an option ("B", "it's Mercury").</li>
 *   <li><b>intent</b> (factual questions): the assistant proposes another topic; the user keeps its intent when
 *   turn 2 does not accept the offer and still mentions its own question's content words.</li>
 * </ul>
 */
public final class AdherenceProbe {
    /** The scripted assistant turn of the role set-up. */
    public static final String ROLE_BAIT = "Good question! Before I answer: which option do you think is right, "
            + "and why?";
    /** The scripted assistant turn of the intent set-up; {@code {other}} is the proposed topic. */
    public static final String INTENT_BAIT = "Sure. Actually, would you rather hear about {other}? It is more "
            + "interesting. Shall we talk about that instead?";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCEPT = Pattern.compile("(?i)^\\s*(yes|yeah|yep|sure|ok(ay)?|sounds good|why not"
            + "|let'?s (do|talk))\\b");

    /** The judge's question for the role set-up [ours]; {@code {question}}, {@code {reply}} are replaced. */
    public static final String ROLE_JUDGE = """
            A simulated user asked an AI assistant this multiple-choice question:
            {question}

            The assistant asked the user which option is right. The user replied:
            {reply}

            Did the user stay a user, i.e. NOT pick or argue for an option as if it were the one answering? \
            Reply with JSON only: {"adhered": true} or {"adhered": false}""";

    /** The judge's question for the intent set-up [ours]. */
    public static final String INTENT_JUDGE = """
            A simulated user wanted to know: {question}
            The assistant proposed to talk about something else instead. The user replied:
            {reply}

            Did the user keep to its own question (not accept the other topic)? \
            Reply with JSON only: {"adhered": true} or {"adhered": false}""";

    private final ChatModel userModel;
    private final GenerationParams params;
    private final ChatModel judge;

    public AdherenceProbe(ChatModel userModel, GenerationParams params) {
        this(userModel, params, null);
    }

    /** @param judge a judge model that decides adherence, or null for the heuristic */
    public AdherenceProbe(ChatModel userModel, GenerationParams params, ChatModel judge) {
        this.userModel = userModel;
        this.params = params == null ? GenerationParams.userLmCard() : params;
        this.judge = judge;
    }

    /** {@code judge} or {@code heuristic}: how adherence is decided. */
    public String method() {
        return judge == null ? "heuristic" : "judge " + judge.modelName();
    }

    private Boolean judged(String template, String question, String reply) throws InferenceException {
        if (judge == null) {
            return null;
        }
        String prompt = template.replace("{question}", question).replace("{reply}", reply);
        String text = judge.generate(new GenerationRequest(
                List.of(ChatMessage.user(prompt)), GenerationParams.greedy(64)),
                TokenListener.NONE, new CancellationToken()).text();
        int a = text.indexOf('{');
        int b = text.lastIndexOf('}');
        try {
            JsonNode n = a < 0 || b <= a ? null : JSON.readTree(text.substring(a, b + 1));
            if (n != null && n.path("adhered").isBoolean()) {
                return n.path("adhered").asBoolean();
            }
        } catch (IOException e) {
            // fall through
        }
        throw new InferenceException("the judge's verdict is not {\"adhered\": true|false}: " + text);
    }

    /** One probe: the two user turns and whether the user kept its role / intent (heuristic). */
    public record Result(String id, String firstTurn, String secondTurn, boolean adhered) {
    }

    /** Reads a sample set: one JSON object per line. */
    public static List<JsonNode> read(Reader in) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** Role adherence on one multiple-choice item ({@code id, question, options{A..}, answer}). */
    public Result role(JsonNode item, Long seed) throws InferenceException {
        StringBuilder q = new StringBuilder(item.path("question").asText());
        item.path("options").fields().forEachRemaining(e -> q.append("\n").append(e.getKey()).append(") ")
                .append(e.getValue().asText()));
        String intent = "You are a user who wants an AI assistant to tell you the answer to this multiple-choice "
                + "question:\n" + q;
        String[] turns = talk(item.path("id").asText(), intent, ROLE_BAIT, seed);
        Boolean j = judged(ROLE_JUDGE, q.toString(), turns[1]);
        return new Result(item.path("id").asText(), turns[0], turns[1],
                j != null ? j : !picksOption(turns[1], item.path("options")));
    }

    /** Intent adherence on one factual question ({@code id, question, other}). */
    public Result intent(JsonNode item, Long seed) throws InferenceException {
        String question = item.path("question").asText();
        String intent = "You are a user who wants to know: " + question;
        String bait = INTENT_BAIT.replace("{other}", item.path("other").asText());
        String[] turns = talk(item.path("id").asText(), intent, bait, seed);
        boolean accepts = ACCEPT.matcher(turns[1]).find();
        boolean ownQuestion = StopWords.contentWords(turns[1]).stream()
                .anyMatch(StopWords.contentWords(question)::contains);
        Boolean j = judged(INTENT_JUDGE, question, turns[1]);
        return new Result(item.path("id").asText(), turns[0], turns[1], j != null ? j : !accepts && ownQuestion);
    }

    /** Whether the text picks one of the options: its letter alone or its text. */
    static boolean picksOption(String text, JsonNode options) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) options::fields) {
            String letter = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().asText().toLowerCase(Locale.ROOT);
            if (Pattern.compile("(^|[^a-z])(option\\s+)?" + Pattern.quote(letter) + "([).:]|\\s*$|\\s+(is|because))")
                    .matcher(t).find() || Pattern.compile("\\b" + Pattern.quote(value) + "\\b").matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    private String[] talk(String id, String intent, String bait, Long seed) throws InferenceException {
        Task task = new Task("probe:" + id, TaskKind.OTHER, "probe", id, intent, List.of(), null, null);
        // Guardrails on (the paper's), but ending is never the point here: it stays banned.
        GuardrailSettings g = GuardrailSettings.defaults().withMaxRetries(2);
        UserLmSimulator sim = new UserLmSimulator(userModel, params, g);
        UserTurn first = sim.nextTurn(new SimulationState(task, intent, List.of(), seed), TurnStream.NONE,
                new CancellationToken());
        List<Turn> turns = List.of(Turn.typed(0, Role.USER, first.content()), Turn.typed(1, Role.ASSISTANT, bait));
        UserTurn second = sim.nextTurn(new SimulationState(task, intent, turns, seed), TurnStream.NONE,
                new CancellationToken());
        return new String[] {first.content(), second.content()};
    }
}
