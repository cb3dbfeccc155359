package org.userlm.workbench.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.Graders;
import org.userlm.workbench.evaluation.judge.TurnJudge;
import org.userlm.workbench.evaluation.judge.TurnLabeler;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;

/**
 * The one place that turns {@link ConversationSettings} into a runnable {@link ConversationSpec}. The window,
 * {@code simulate}, Compare and experiments call it, so the same settings give the same requests everywhere.
 *
 * <pre>{@code
 * ConversationSettings s = ConversationSettings.of(simulatorProfile, assistantSettings);
 * UserSimulator user = ConversationFactory.simulator(s, models, null);
 * ChatModel assistant = models.open(s.assistant().backend());
 * ConversationSpec spec = ConversationFactory.spec(s, task, user, assistant,
 *         Placement.of(runId, title).withSeed(seed).with("column", 2));
 * runner.run(spec, listener, new RunControl());
 * }</pre>
 *
 * <p>What it decides: the intent (explicit text, else the simulator's template), the assistant system prompt (null
 * or blank: the default per task kind), the turn cap (explicit, else {@link #maxUserTurns}), "stop when solved"
 * with the chosen grader mode, and the stored settings JSON (the settings, the task id, the simulator prompt used
 * and the caller's extra fields).
 */
public final class ConversationFactory {
    /** Turn cap of the userlm / prompted / human simulators when none is set. */
    public static final int DEFAULT_MAX_USER_TURNS = 8;
    /**
     * Sharded conversations have no turn cap of their own (LiC runs until every shard is revealed); ours is the
     * number of shards plus this slack, for turns that answer an irrelevant question without revealing a shard.
     */
    public static final int SHARDED_SLACK = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationFactory() {
    }

    /**
     * Where a conversation goes and what else to store with it.
     *
     * @param runId        run it belongs to, or null
     * @param title        display title (null: the task's title or id)
     * @param seed         base seed, or null
     * @param extra        extra fields stored in the settings JSON (e.g. a Compare column), in order
     * @param initialTurns turns copied from a parent (fork or retry), else empty
     * @param parentId     parent conversation, or null
     */
    public record Placement(String runId, String title, Long seed, Map<String, Object> extra, List<Turn> initialTurns,
                            String parentId) {
        public Placement {
            extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
            initialTurns = List.copyOf(initialTurns == null ? List.of() : initialTurns);
        }

        /** A new conversation in a run (runId may be null). */
        public static Placement of(String runId, String title) {
            return new Placement(runId, title, null, Map.of(), List.of(), null);
        }

        /** A copy with a base seed. */
        public Placement withSeed(Long s) {
            return new Placement(runId, title, s, extra, initialTurns, parentId);
        }

        /** A copy with one more stored field. */
        public Placement with(String key, Object value) {
            Map<String, Object> m = new LinkedHashMap<>(extra);
            m.put(key, value);
            return new Placement(runId, title, seed, m, initialTurns, parentId);
        }

        /** A copy that continues from {@code turns} of {@code parent} (fork or retry). */
        public Placement continuing(List<Turn> turns, String parent) {
            return new Placement(runId, title, seed, extra, turns, parent);
        }
    }

    /** Creates the user simulator the settings describe ({@code human} supplies typed turns, may be null). */
    public static UserSimulator simulator(ConversationSettings s, ModelProvider models, HumanInput human)
            throws InferenceException {
        return Simulators.create(s.simulator(), models, human);
    }

    /** The intent text: the explicit one, else the simulator's template applied to the task. */
    public static String intent(ConversationSettings s, Task task) {
        return s.intent() != null ? s.intent() : Intents.fromTask(task, s.simulator().intentTemplate()).text();
    }

    /** The assistant's system prompt: the configured one, or (null or blank) the default for the task kind. */
    public static String systemPrompt(ConversationSettings s, Task task) {
        String p = s.assistant().systemPrompt();
        return p == null || p.isBlank() ? SystemPrompts.assistantDefault(task.kind()) : p;
    }

    /**
     * The turn cap: the configured one, else {@value #DEFAULT_MAX_USER_TURNS}, or for the sharded simulator the
     * number of shards plus {@value #SHARDED_SLACK}.
     */
    public static int maxUserTurns(ConversationSettings s, Task task) {
        if (s.maxUserTurns() != null) {
            return s.maxUserTurns();
        }
        if (s.simulator().kind() == SimulatorKind.SHARDED) {
            return ShardedRevealSimulator.shards(task).size() + SHARDED_SLACK;
        }
        return DEFAULT_MAX_USER_TURNS;
    }

    /**
     * What labels the assistant turns of these conversations (LiC's classification and extraction with the judge,
     * else the heuristic), grading in the settings' mode. Opens the judge model through {@code models}.
     */
    public static TurnLabeler labeler(ConversationSettings s, ModelProvider models) throws InferenceException {
        return new TurnLabeler(s.judge() == null ? null : new TurnJudge(models.open(s.judge())), s.grader());
    }

    /** "Stop when solved" with the settings' grader mode, or {@link SolvedCheck#NEVER}. */
    public static SolvedCheck solvedCheck(ConversationSettings s) {
        return s.stopWhenSolved() ? (t, reply) -> Graders.grade(t, reply, s.grader()).correct() : SolvedCheck.NEVER;
    }

    /**
     * Which simulator prompt a conversation used: {@code default} (ours, shipped with this version) or
     * {@code custom sha256:…} for a prompt the researcher supplied (e.g. their copy of LiC's original).
     */
    public static String promptLabel(ConversationSettings s) {
        String p = s.simulator().userPrompt();
        if (p == null || p.isBlank()) {
            return switch (s.simulator().kind()) {
                case SHARDED -> ShardedRevealSimulator.PROMPT_VERSION;
                case PROMPTED -> "prompted-default (ours)";
                default -> "none";
            };
        }
        return "custom sha256:" + sha256(p).substring(0, 16);
    }

    /** The settings JSON stored with the conversation (a superset of what the window re-runs from). */
    public static String settingsJson(ConversationSettings s, Task task, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", task.id());
        m.put("intent", s.intent());
        m.put("simulator", s.simulator());
        m.put("assistant", s.assistant());
        m.put("maxUserTurns", s.maxUserTurns());
        m.put("stopWhenSolved", s.stopWhenSolved());
        m.put("grader", s.grader().wire());
        m.put("judge", s.judge());
        m.put("simulator_prompt", promptLabel(s));
        m.putAll(extra);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise conversation settings", e);
        }
    }

    /**
     * Like {@link #spec(ConversationSettings, Task, UserSimulator, ChatModel, Placement)}, but with a judge in the
     * settings "stop when solved" works as LiC's loop does: the judge classifies each reply, extracts the answer of
     * an attempt, and the grader decides. The judge opens through {@code models}.
     */
    public static ConversationSpec spec(ConversationSettings s, Task task, UserSimulator user, ChatModel assistant,
                                        Placement where, ModelProvider models) throws InferenceException {
        ConversationSpec plain = spec(s, task, user, assistant, where);
        if (s.judge() == null || !s.stopWhenSolved()) {
            return plain;
        }
        TurnLabeler judged = labeler(s, models);
        SolvedCheck check = (t, reply) -> Boolean.TRUE.equals(judged.label(t,
                Turn.typed(0, Role.ASSISTANT, reply))
                .correct());
        return new ConversationSpec(plain.conversationId(), plain.runId(), plain.title(), plain.task(),
                plain.intent(), plain.user(), plain.assistant(), plain.assistantModelName(),
                plain.assistantSystemPrompt(), plain.assistantParams(), plain.maxUserTurns(), plain.seed(), check,
                plain.settingsJson(), plain.initialTurns(), plain.parentId());
    }

    /** The runnable conversation: everything the settings decide, plus the caller's placement. */
    public static ConversationSpec spec(ConversationSettings s, Task task, UserSimulator user, ChatModel assistant,
                                        Placement where) {
        String model = s.assistant().backend() != null && s.assistant().backend().model() != null
                ? s.assistant().backend().model() : assistant.modelName();
        String title = where.title() != null ? where.title() : task.title() == null ? task.id() : task.title();
        return new ConversationSpec(UUID.randomUUID().toString(), where.runId(), title, task, intent(s, task), user,
                assistant, model, systemPrompt(s, task), s.assistant().params(), maxUserTurns(s, task),
                where.seed(), solvedCheck(s), settingsJson(s, task, where.extra()), where.initialTurns(),
                where.parentId());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
