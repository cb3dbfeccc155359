package org.userlm.workbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.FakeChatModel;

/** The sharded simulator as LiC runs it, built from default settings by the conversation factory. */
class ShardedRevealTest {
    static final Pattern NOT_REVEALED_ID = Pattern.compile("\"shard_id\": (\\d+)");

    @TempDir
    Path dir;
    SqliteDatabase db;
    SqliteConversationRepository repo;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("w.db"));
        repo = new SqliteConversationRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Task twelveShards() {
        List<Shard> shards = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            shards.add(new Shard(i, "fact number " + i + " about the order"));
        }
        return new Task("s12", TaskKind.MATH, "test", "Twelve", "", shards, "#### 12", null);
    }

    /** Reveals the first shard listed as not revealed (read from the prompt it was sent), or -1 when none. */
    static String revealFirstHidden(GenerationRequest r, boolean clarifyEveryOther) {
        String prompt = r.messages().get(0).content();
        String hidden = prompt.substring(prompt.indexOf("Shards the person has not given yet:"));
        String conversation = prompt.substring(0, prompt.indexOf("Pieces of information")).strip();
        if (clarifyEveryOther && conversation.endsWith("[assistant] Which one?")) {
            return "{\"response\": \"dunno, does it matter\", \"shard_id\": -1}";
        }
        Matcher m = NOT_REVEALED_ID.matcher(hidden);
        return m.find() ? "{\"response\": \"also fact " + m.group(1) + "\", \"shard_id\": " + m.group(1) + "}"
                : "{\"response\": \"thats all\", \"shard_id\": -1}";
    }

    Conversation run(Task task, FakeChatModel user, FakeChatModel asst) throws Exception {
        SimulatorSettings sim = new SimulatorSettings(null, SimulatorKind.SHARDED,
                BackendSettings.openAiChat("http://fake/v1", "u"), null, null, null, null);
        ConversationSettings s = ConversationSettings.of(sim, new AssistantSettings("a",
                BackendSettings.openAiChat("http://fake/v1", "a"), null, null));
        UserSimulator u = ConversationFactory.simulator(s, b -> user, null);
        ConversationSpec spec = ConversationFactory.spec(s, task, u, asst, ConversationFactory.Placement.of(null,
                null));
        return new ConversationRunner(repo).run(spec, ConversationListener.NONE, new RunControl());
    }

    @Test
    void twelveShardsAreAllRevealedWithDefaultSettings() throws Exception {
        FakeChatModel user = new FakeChatModel("u").respond(r -> revealFirstHidden(r, false));
        FakeChatModel asst = new FakeChatModel("a").respond(r -> "Noted. Anything else?");
        Conversation c = run(twelveShards(), user, asst);
        assertEquals(EndReason.ALL_SHARDS_REVEALED, c.endedBy());
        List<Integer> ids = c.turns().stream().filter(t -> t.role() == Role.USER).map(Turn::shardId).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), ids);
        assertEquals(Role.ASSISTANT, c.turns().get(c.turns().size() - 1).role(), "the last shard was answered");
        assertEquals("fact number 1 about the order", c.turns().get(0).content(), "turn 1 is shard 1 verbatim");
        // LiC's way of asking: one user message, temperature 1.0.
        GenerationRequest first = user.requests().get(0);
        assertEquals(1, first.messages().size());
        assertEquals(Role.USER, first.messages().get(0).role());
        assertEquals(1.0, first.params().temperature());
        assertTrue(repo.find(c.id()).orElseThrow().settingsJson().contains(ShardedRevealSimulator.PROMPT_VERSION));
    }

    @Test
    void clarificationAnswersRevealNothingAndTheSlackLetsEveryShardOut() throws Exception {
        FakeChatModel user = new FakeChatModel("u").respond(r -> revealFirstHidden(r, true));
        int[] n = {0};
        FakeChatModel asst = new FakeChatModel("a").respond(r -> {
            int i = n[0]++;
            return i < 10 && i % 2 == 0 ? "Which one?" : "Ok, noted."; // five questions no shard answers
        });
        Conversation c = run(twelveShards(), user, asst);
        assertEquals(EndReason.ALL_SHARDS_REVEALED, c.endedBy());
        List<Turn> userTurns = c.turns().stream().filter(t -> t.role() == Role.USER).toList();
        assertEquals(17, userTurns.size(), "five turns revealed nothing");
        assertTrue(userTurns.stream().anyMatch(t -> t.shardId() == null && t.content().contains("dunno")));
        assertEquals(12, userTurns.stream().filter(t -> t.shardId() != null).count());
    }

    @Test
    void theOriginalPromptsPlaceholdersAreFilledLikeLicDoes() {
        Task task = new Task("t", TaskKind.MATH, "test", "t", "", List.of(new Shard(1, "first"),
                new Shard(2, "caf\u00e9 \"two\""), new Shard(3, "three")), "#### 1", null);
        ShardedRevealSimulator sim = new ShardedRevealSimulator(new FakeChatModel("u"), null,
                "C=[[CONVERSATION_SO_FAR]]|R=[[SHARDS_REVEALED]]|N=[[SHARDS_NOT_REVEALED]]", 1);
        List<Turn> turns = List.of(Turn.typed(0, Role.USER, "first"), Turn.typed(1, Role.ASSISTANT, "ok?"));
        SimulationState st = new SimulationState(task, "intent", turns, null);
        String p = sim.render(st, task.shards(), java.util.Set.of(1), task.shards().subList(1, 3));
        assertEquals("C=[user] first\n\n[assistant] ok?|R=[]|N=[{\"shard_id\": 2, \"shard\": \"caf\\u00e9 \\\"two\\\"\"}, "
                + "{\"shard_id\": 3, \"shard\": \"three\"}]", p);
    }

    @Test
    void aKnownButRevealedShardIsRedrawnAndNoTurnCapCutsShort() {
        Task task = twelveShards();
        ConversationSettings s = ConversationSettings.of(new SimulatorSettings(null, SimulatorKind.SHARDED, null,
                null, null, null, null), new AssistantSettings("a", null, null, null));
        assertEquals(12 + ConversationFactory.SHARDED_SLACK, ConversationFactory.maxUserTurns(s, task));
        assertNull(new ShardedRevealSimulator(null, null, null, 0).endBeforeTurn(new SimulationState(task, "i",
                List.of(), null)));
        assertFalse(ShardedRevealSimulator.DEFAULT_PROMPT.isBlank());
    }
}
