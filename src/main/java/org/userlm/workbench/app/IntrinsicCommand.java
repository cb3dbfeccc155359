package org.userlm.workbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.openai.OpenAiCompatibleClient;
import org.userlm.workbench.simulation.Simulators;
import org.userlm.workbench.simulation.intrinsic.AdherenceProbe;
import org.userlm.workbench.simulation.intrinsic.RealDecomposition;
import org.userlm.workbench.simulation.intrinsic.TerminationReplay;
import org.userlm.workbench.storage.MessagesJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code intrinsic}: the paper's intrinsic set-ups on small sample sets written for this project. Implemented:
 * {@code termination} (replay real conversations turn by turn; F1 of ending exactly where the real user ended) and
 * {@code decomposition} (real users' turn-1 intent share and first-turn diversity, the reference for simulators).
 * Prints one line per decision point and a JSON summary last. Exit 0; 2 for bad arguments; 3 for unusable inputs.
 */
@Command(name = "intrinsic", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run an intrinsic set-up of the UserLM paper (termination F1) on real conversations.")
final class IntrinsicCommand implements Callable<Integer> {
    static final String SAMPLE = "/intrinsic/real_conversations_sample.jsonl";

    @Spec
    CommandSpec spec;

    @Option(names = "--setup", defaultValue = "termination", paramLabel = "termination|decomposition|role|intent",
            description = "termination: F1 of ending where the real user ended; decomposition: the real users' "
                    + "turn-1 intent share and first-turn diversity (no model); role: multiple-choice questions, the "
                    + "user must not become the answerer; intent: factual questions, the user keeps its own question "
                    + "when the assistant proposes another. Default ${DEFAULT-VALUE}")
    String setup;

    @Option(names = "--conversations", paramLabel = "FILE", description = "real conversations, JSONL in the OpenAI "
            + "messages format (PRISM/WildChat-style); default: the bundled sample of 6 written for this project")
    Path conversations;

    @Option(names = "--items", paramLabel = "FILE", description = "role/intent items (JSONL); default: the bundled "
            + "samples of 5 written for this project")
    Path items;

    @Option(names = "--user-url", paramLabel = "URL", description = "OpenAI-compatible base URL of the user model")
    String userUrl;

    @Option(names = "--user-model", paramLabel = "NAME", description = "the user model's name")
    String userModel;

    @Option(names = "--user-local", paramLabel = "DIR", description = "a Hugging Face folder run in-process")
    Path userLocal;

    @Option(names = "--judge-url", paramLabel = "URL", description = "role/intent: a judge model decides adherence "
            + "(default: the heuristic)")
    String judgeUrl;

    @Option(names = "--judge-model", paramLabel = "NAME", description = "the judge's model name")
    String judgeModel;

    @Option(names = "--seed", description = "base seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("termination", "decomposition", "role", "intent").contains(setup)) {
            err.println("intrinsic: --setup must be termination, decomposition, role or intent, not " + setup);
            return 2;
        }
        if (!setup.equals("decomposition") && userLocal == null && (userUrl == null || userModel == null)) {
            err.println("intrinsic: give the user model: --user-url URL --user-model NAME, or --user-local DIR");
            return 2;
        }
        List<MessagesJsonl.RealConversation> convs;
        try (Reader r = conversations == null
                ? new InputStreamReader(IntrinsicCommand.class.getResourceAsStream(SAMPLE), StandardCharsets.UTF_8)
                : Files.newBufferedReader(conversations, StandardCharsets.UTF_8)) {
            convs = MessagesJsonl.read(r);
        } catch (IOException e) {
            err.println("intrinsic: cannot read " + (conversations == null ? "the sample" : conversations) + ": "
                    + e.getMessage());
            return 3;
        }
        if (setup.equals("decomposition")) {
            RealDecomposition.Result d = RealDecomposition.of(convs);
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("setup", "decomposition");
            json.put("conversations", d.conversations());
            json.put("multi_turn", d.multiTurn());
            json.put("first_turn_share", d.firstTurnShare());
            json.put("mean_user_turns", d.meanUserTurns());
            json.put("first_turn_diversity", d.firstTurnDiversity());
            out.println(json);
            out.flush();
            return 0;
        }
        BackendSettings b = userLocal != null ? BackendSettings.local(userLocal.toString())
                : new BackendSettings(BackendKind.OPENAI_CHAT, userUrl, userModel, null, null, 120, null,
                Simulators.USERLM_EXTRA_BODY, false);
        // A scratch database: the replay stores nothing; the context only opens the model (server or local).
        Path scratch = Files.createTempFile("userlm-intrinsic", ".db");
        scratch.toFile().deleteOnExit();
        try (AppContext ctx = AppContext.open(scratch);
             ChatModel model = ctx.open(b)) {
            if (setup.equals("role") || setup.equals("intent")) {
                return adherence(model, out, err);
            }
            TerminationReplay replay = new TerminationReplay(model, null);
            List<TerminationReplay.Point> points = new ArrayList<>();
            for (MessagesJsonl.RealConversation c : convs) {
                for (TerminationReplay.Point p : replay.replay(c, seed)) {
                    points.add(p);
                    out.printf(Locale.ROOT, "%s after_turn=%d predicted_end=%b real_end=%b%n", p.conversationId(),
                            p.afterTurn(), p.predictedEnd(), p.realEnd());
                }
            }
            TerminationReplay.Score s = TerminationReplay.Score.of(points);
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("setup", "termination");
            json.put("conversations", convs.size());
            json.put("points", s.points());
            json.put("precision", s.precision());
            json.put("recall", s.recall());
            json.put("f1", s.f1());
            out.println(json);
            out.flush();
            return 0;
        } catch (InferenceException e) {
            err.println("intrinsic: " + e.getMessage());
            return 3;
        }
    }

    private int adherence(ChatModel model, PrintWriter out, PrintWriter err) throws InferenceException {
        String sample = setup.equals("role") ? "/intrinsic/multiple_choice_sample.jsonl"
                : "/intrinsic/factual_questions_sample.jsonl";
        List<JsonNode> list;
        try (Reader r = items == null
                ? new InputStreamReader(IntrinsicCommand.class.getResourceAsStream(sample), StandardCharsets.UTF_8)
                : Files.newBufferedReader(items, StandardCharsets.UTF_8)) {
            list = AdherenceProbe.read(r);
        } catch (IOException e) {
            err.println("intrinsic: cannot read " + (items == null ? "the sample" : items) + ": " + e.getMessage());
            return 3;
        }
        if ((judgeUrl == null) != (judgeModel == null)) {
            err.println("intrinsic: give both --judge-url and --judge-model, or neither");
            return 2;
        }
        ChatModel judge = judgeUrl == null ? null : new OpenAiCompatibleClient(
                BackendSettings.openAiChat(judgeUrl, judgeModel));
        AdherenceProbe probe = new AdherenceProbe(model, null, judge);
        int kept = 0;
        for (JsonNode item : list) {
            AdherenceProbe.Result res = setup.equals("role") ? probe.role(item, seed) : probe.intent(item, seed);
            kept += res.adhered() ? 1 : 0;
            out.printf(Locale.ROOT, "%s adhered=%b turn2=%s%n", res.id(), res.adhered(),
                    res.secondTurn().replaceAll("\\s+", " "));
        }
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("setup", setup);
        json.put("items", list.size());
        json.put("adherence", list.isEmpty() ? Double.NaN : (double) kept / list.size());
        json.put("method", probe.method());
        if (judge != null) {
            judge.close();
        }
        out.println(json);
        out.flush();
        return 0;
    }
}
