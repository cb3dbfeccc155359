package org.userlm.workbench.app;

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

    @Option(names = "--setup", defaultValue = "termination", paramLabel = "termination|decomposition",
            description = "termination: F1 of ending where the real user ended (needs a user model); "
                    + "decomposition: the real users' turn-1 intent share and first-turn diversity (no model). "
                    + "Default ${DEFAULT-VALUE}")
    String setup;

    @Option(names = "--conversations", paramLabel = "FILE", description = "real conversations, JSONL in the OpenAI "
            + "messages format (PRISM/WildChat-style); default: the bundled sample of 6 written for this project")
    Path conversations;

    @Option(names = "--user-url", paramLabel = "URL", description = "OpenAI-compatible base URL of the user model")
    String userUrl;

    @Option(names = "--user-model", paramLabel = "NAME", description = "the user model's name")
    String userModel;

    @Option(names = "--user-local", paramLabel = "DIR", description = "a Hugging Face folder run in-process")
    Path userLocal;

    @Option(names = "--seed", description = "base seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!setup.equals("termination") && !setup.equals("decomposition")) {
            err.println("intrinsic: --setup must be termination or decomposition, not " + setup);
            return 2;
        }
        if (setup.equals("termination") && userLocal == null && (userUrl == null || userModel == null)) {
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
                SimulationOptions.USERLM_EXTRA_BODY, false);
        // A scratch database: the replay stores nothing; the context only opens the model (server or local).
        Path scratch = Files.createTempFile("userlm-intrinsic", ".db");
        scratch.toFile().deleteOnExit();
        try (AppContext ctx = AppContext.open(scratch);
             ChatModel model = ctx.open(b)) {
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
}
