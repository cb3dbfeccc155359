package org.userlm.workbench.simulation.intrinsic;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.simulation.SimulationState;
import org.userlm.workbench.simulation.TurnStream;
import org.userlm.workbench.simulation.UserLmSimulator;
import org.userlm.workbench.simulation.UserTurn;
import org.userlm.workbench.storage.MessagesJsonl.RealConversation;

/**
 * The paper's termination set-up [procedure ours]: replay real conversations turn by turn; after each assistant turn
 * the user model writes the next user turn given everything before it, with its guardrails off; it "ends" when the
 * turn carries {@code <|endconversation|>}. The real user ended after its last assistant turn. F1 of ending exactly
 * where the real user ended, over every decision point of every conversation.
 *
 * <p>The intent shown to the user model is built from the real first user turn ({@link #INTENT}), since real
 * conversations carry none.
 */
public final class TerminationReplay {
    /** The intent of a replayed conversation; {@code {first}} is the real first user turn [ours]. */
    public static final String INTENT = "You are a user talking to an AI assistant. What you want, in your own "
            + "words from your first message: {first}";

    private final ChatModel userModel;
    private final GenerationParams params;

    public TerminationReplay(ChatModel userModel, GenerationParams params) {
        this.userModel = userModel;
        this.params = params == null ? GenerationParams.userLmCard() : params;
    }

    /** One decision point: after assistant turn {@code afterTurn}, did the model end, and did the real user. */
    public record Point(String conversationId, int afterTurn, boolean predictedEnd, boolean realEnd) {
    }

    /** Precision, recall and F1 of predicting the real end (NaN where undefined). */
    public record Score(int points, int truePositives, int falsePositives, int falseNegatives, double precision,
                        double recall, double f1) {

        /** Scores a list of points. */
        public static Score of(List<Point> points) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Point p : points) {
                tp += p.predictedEnd() && p.realEnd() ? 1 : 0;
                fp += p.predictedEnd() && !p.realEnd() ? 1 : 0;
                fn += !p.predictedEnd() && p.realEnd() ? 1 : 0;
            }
            double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
            double f1 = tp == 0 ? (tp + fp + fn == 0 ? Double.NaN : 0.0) : 2 * precision * recall / (precision + recall);
            return new Score(points.size(), tp, fp, fn, precision, recall, f1);
        }
    }

    /** Replays one conversation: one decision point after each assistant turn that follows a user turn. */
    public List<Point> replay(RealConversation c, Long seed) throws InferenceException {
        List<Turn> turns = c.turns();
        int lastAssistant = -1;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.ASSISTANT) {
                lastAssistant = i;
                break;
            }
        }
        String intent = INTENT.replace("{first}", turns.get(0).content().strip());
        Task task = new Task("replay:" + c.id(), TaskKind.OTHER, "replay", c.id(), turns.get(0).content(), List.of(),
                null, null);
        UserLmSimulator sim = new UserLmSimulator(userModel, params, GuardrailSettings.off().withMaxRetries(0));
        List<Point> out = new ArrayList<>();
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).role() != Role.ASSISTANT) {
                continue;
            }
            SimulationState state = new SimulationState(task, intent, turns.subList(0, i + 1), seed);
            UserTurn u = sim.nextTurn(state, TurnStream.NONE, new CancellationToken());
            out.add(new Point(c.id(), i, u.endsConversation(), i == lastAssistant));
        }
        return out;
    }
}
