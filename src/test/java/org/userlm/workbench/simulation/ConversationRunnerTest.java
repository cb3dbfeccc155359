package org.userlm.workbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.FakeChatModel;

class ConversationRunnerTest {
    static final Task TASK = new Task("math-1", TaskKind.MATH, "test", "Percent",
            "What is 15 percent of 240?", List.of(new Shard(1, "what is a percentage of a number"),
            new Shard(2, "the number is 240"), new Shard(3, "the percentage is 15")), "0.15*240=36\n#### 36", null);
    static final String INTENT = "You are a user who wants to know 15 percent of 240.";
    static final String SYSTEM = "SECRET-ASSISTANT-PROMPT be helpful";

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

    Conversation run(UserSimulator user, FakeChatModel assistant, int maxTurns, ConversationListener l,
                     RunControl control) {
        ConversationSpec spec = new ConversationSpec(UUID.randomUUID().toString(), null, "t", TASK, INTENT, user,
                assistant, assistant.modelName(), SYSTEM, GenerationParams.assistantDefault(), maxTurns, 42L,
                SolvedCheck.NEVER, "{}", List.of(), null);
        return new ConversationRunner(repo).run(spec, l, control);
    }

    static UserLmSimulator userLm(FakeChatModel m, GuardrailSettings g) {
        return new UserLmSimulator(m, GenerationParams.userLmCard(), g);
    }

    @Test
    void userLmTurnsAreStrippedAndTheMarkerEndsTheConversation() {
        FakeChatModel user = new FakeChatModel("userlm",
                "\nwhat is 15 percent of 240",
                "\nok so whats the answer then",
                "\nthanks that works<|endconversation|> and some junk after");
        FakeChatModel asst = new FakeChatModel("asst", "Could you clarify?", "It is 36.");
        Conversation c = run(userLm(user, GuardrailSettings.defaults()), asst, 8, ConversationListener.NONE,
                new RunControl());
        assertEquals(EndReason.USER_ENDED, c.endedBy());
        assertEquals(List.of("what is 15 percent of 240", "Could you clarify?", "ok so whats the answer then",
                "It is 36.", "thanks that works"), c.turns().stream().map(Turn::content).toList());
        assertTrue(c.turns().get(4).endsConversation());
        Conversation stored = repo.find(c.id()).orElseThrow();
        assertEquals(c.turns().stream().map(Turn::content).toList(),
                stored.turns().stream().map(Turn::content).toList());
        assertEquals(EndReason.USER_ENDED, stored.endedBy());
    }

    @Test
    void userLmSeesIntentAsSystemAndOrdinaryRolesAssistantNeverSeesIntent() {
        FakeChatModel user = new FakeChatModel("userlm", "\nwhat is 15 percent of 240", "\nand double that one?");
        FakeChatModel asst = new FakeChatModel("asst", "It is 36.", "72.");
        run(userLm(user, GuardrailSettings.defaults()), asst, 2, ConversationListener.NONE, new RunControl());
        List<ChatMessage> second = user.requests().get(1).messages();
        assertEquals(List.of(ChatMessage.system(INTENT), ChatMessage.user("what is 15 percent of 240"),
                ChatMessage.assistant("It is 36.")), second);
        for (GenerationRequest r : user.requests()) {
            assertFalse(r.messages().toString().contains("SECRET-ASSISTANT-PROMPT"));
        }
        for (GenerationRequest r : asst.requests()) {
            assertEquals(ChatMessage.system(SYSTEM), r.messages().get(0));
            assertFalse(r.messages().toString().contains("15 percent of 240."), "the intent text leaked");
            assertFalse(r.messages().toString().contains("You are a user"), "the intent leaked");
        }
        assertEquals(List.of(ChatMessage.system(SYSTEM), ChatMessage.user("what is 15 percent of 240"),
                ChatMessage.assistant("It is 36."), ChatMessage.user("and double that one?")),
                asst.requests().get(1).messages());
    }

    @Test
    void maxTurnsIsExactAndEveryUserTurnIsAnswered() {
        FakeChatModel user = new FakeChatModel("userlm").respond(r -> "\nanother question number " + r.messages().size());
        FakeChatModel asst = new FakeChatModel("asst").respond(r -> "answer");
        Conversation c = run(userLm(user, GuardrailSettings.off()), asst, 3, ConversationListener.NONE,
                new RunControl());
        assertEquals(EndReason.MAX_TURNS, c.endedBy());
        assertEquals(6, c.turns().size());
        assertEquals(3, c.userTurnCount());
        assertEquals(Role.ASSISTANT, c.turns().get(5).role());
    }

    @Test
    void firstTurnNeverEndsTheConversationEvenWithGuardrailsOff() {
        FakeChatModel user = new FakeChatModel("userlm", "\n<|endconversation|>", "\nwhat is fifteen percent here");
        FakeChatModel asst = new FakeChatModel("asst", "36");
        Conversation c = run(userLm(user, GuardrailSettings.off()), asst, 1, ConversationListener.NONE,
                new RunControl());
        Turn first = c.turns().get(0);
        assertEquals("what is fifteen percent here", first.content());
        assertEquals(1, first.guardrailEvents().size());
        GuardrailEvent e = first.guardrailEvents().get(0);
        assertEquals(Guardrails.TERMINATION, e.rule());
        assertEquals("<|endconversation|>", e.rejectedText());
        assertEquals("regenerated", e.action());
        assertEquals(EndReason.MAX_TURNS, c.endedBy());
    }

    @Test
    void eachGuardrailRejectsAndRegeneratesAndIsRecorded() {
        FakeChatModel user = new FakeChatModel("userlm",
                "\nI need help with percentages",                               // first token
                "\npercent?",                                                     // too short
                "\nwhat is 15 percent of 240",                                    // ok
                "\nthanks<|endconversation|>",                                    // end banned before 2 user turns
                "\nwhat is 15 percent of 240",                                    // repeats turn 1
                "\n" + "so 15 percent of 240 then yes ".repeat(5),                // 35 words
                "\nwhy is it 36 though");
        FakeChatModel asst = new FakeChatModel("asst").respond(r -> "36");
        List<String> redraws = new ArrayList<>();
        ConversationListener l = new ConversationListener() {
            @Override
            public void onRedraw(int index, GuardrailEvent event) {
                redraws.add(index + ":" + event.rule());
            }
        };
        Conversation c = run(userLm(user, GuardrailSettings.defaults()), asst, 2, l, new RunControl());
        assertEquals(List.of(Guardrails.FIRST_TOKENS, Guardrails.LENGTH),
                c.turns().get(0).guardrailEvents().stream().map(GuardrailEvent::rule).toList());
        assertEquals("I need help with percentages", c.turns().get(0).guardrailEvents().get(0).rejectedText());
        assertEquals(List.of(Guardrails.TERMINATION, Guardrails.VERBATIM, Guardrails.LENGTH),
                c.turns().get(2).guardrailEvents().stream().map(GuardrailEvent::rule).toList());
        assertEquals("why is it 36 though", c.turns().get(2).content());
        assertEquals(List.of("0:filter_first_tokens", "0:length", "2:avoid_termination", "2:verbatim_repetition",
                "2:length"), redraws);
        assertEquals(5, repo.events(c.id(), 0).size() + repo.events(c.id(), 2).size());
        // Redraws of one turn use different seeds so a seeded backend does not repeat itself.
        assertFalse(user.requests().get(0).params().seed().equals(user.requests().get(1).params().seed()));
    }

    @Test
    void whenEveryRetryFailsTheLastCandidateIsKeptAndMarked() {
        GuardrailSettings g = GuardrailSettings.defaults().withMaxRetries(2);
        FakeChatModel user = new FakeChatModel("userlm").respond(r -> "\nI want the percent");
        FakeChatModel asst = new FakeChatModel("asst").respond(r -> "36");
        Conversation c = run(userLm(user, g), asst, 1, ConversationListener.NONE, new RunControl());
        Turn t = c.turns().get(0);
        assertEquals("I want the percent", t.content());
        assertEquals(List.of("regenerated", "regenerated", "kept_last"),
                t.guardrailEvents().stream().map(GuardrailEvent::action).toList());
        assertEquals(3, user.requests().size());
    }

    @Test
    void serverSideBansAreRequestedWhenEnabled() {
        FakeChatModel user = new FakeChatModel("userlm", "\nwhat is 15 percent of 240");
        FakeChatModel asst = new FakeChatModel("asst", "36");
        run(userLm(user, GuardrailSettings.defaults()), asst, 1, ConversationListener.NONE, new RunControl());
        var c = user.requests().get(0).constraints();
        assertEquals(List.of("I", "You", "Here"), c.bannedFirstWords());
        assertEquals(List.of(EndMarker.TEXT), c.bannedStrings());
    }

    @Test
    void promptedUserGetsSwappedRoles() {
        FakeChatModel user = new FakeChatModel("gpt", "Hey, what's 15% of 240?", "ok and why?",
                "<|endconversation|>");
        FakeChatModel asst = new FakeChatModel("asst", "36", "Because 0.15*240 = 36.");
        Conversation c = run(new PromptedUserSimulator(user, GenerationParams.assistantDefault(), null, 3), asst, 8,
                ConversationListener.NONE, new RunControl());
        assertEquals(EndReason.USER_ENDED, c.endedBy());
        assertEquals(4, c.turns().size(), "an empty final message is dropped");
        List<ChatMessage> third = user.requests().get(2).messages();
        assertEquals(Role.SYSTEM, third.get(0).role());
        assertTrue(third.get(0).content().contains(INTENT));
        assertEquals(List.of(ChatMessage.user(PromptedUserSimulator.KICKOFF),
                ChatMessage.assistant("Hey, what's 15% of 240?"), ChatMessage.user("36"),
                ChatMessage.assistant("ok and why?"), ChatMessage.user("Because 0.15*240 = 36.")),
                third.subList(1, third.size()));
    }

    @Test
    void shardedRevealStartsWithShardOneAndEndsWhenAllAreRevealed() {
        FakeChatModel user = new FakeChatModel("sharder",
                "```json\n{\"response\": \"oh and the number is 240\", \"shard_id\": 2}\n```",
                "not json at all",
                "{\"response\": \"it's 15 percent\", \"shard_id\": 3}");
        FakeChatModel asst = new FakeChatModel("asst").respond(r -> "ok?");
        Conversation c = run(new ShardedRevealSimulator(user, GenerationParams.assistantDefault(), null, 3), asst, 8,
                ConversationListener.NONE, new RunControl());
        assertEquals(EndReason.ALL_SHARDS_REVEALED, c.endedBy());
        List<Turn> users = c.turns().stream().filter(t -> t.role() == Role.USER).toList();
        assertEquals("what is a percentage of a number", users.get(0).content());
        assertEquals(List.of(1, 2, 3), users.stream().map(Turn::shardId).toList());
        assertEquals("it's 15 percent", users.get(2).content());
        assertEquals(ShardedRevealSimulator.FORMAT_RULE, users.get(2).guardrailEvents().get(0).rule());
        assertEquals(6, c.turns().size());
        String prompt = user.requests().get(0).messages().get(0).content();
        String hidden = prompt.substring(prompt.indexOf("not given yet"));
        assertTrue(hidden.contains("\"shard_id\": 2") && !hidden.contains("\"shard_id\": 1"),
                "only unrevealed shards are offered: " + prompt);
        assertTrue(prompt.contains("[user] what is a percentage of a number"), "the conversation so far is shown");
    }

    @Test
    void droppedStreamGivesAFailedTurnWithPartialTextAndError() {
        FakeChatModel user = new FakeChatModel("userlm", "\nwhat is 15 percent of 240");
        FakeChatModel asst = new FakeChatModel("asst", FakeChatModel.FAIL_PREFIX + "The answer is 3");
        Conversation c = run(userLm(user, GuardrailSettings.defaults()), asst, 4, ConversationListener.NONE,
                new RunControl());
        assertEquals(EndReason.ERROR, c.endedBy());
        Turn failed = repo.find(c.id()).orElseThrow().turns().get(1);
        assertEquals(TurnStatus.FAILED, failed.status());
        assertEquals("The answer is 3", failed.content());
        assertEquals("stream dropped", failed.error());
    }

    @Test
    void humanScriptAndStopKeepPartialState() {
        FakeChatModel asst = new FakeChatModel("asst").respond(r -> "reply");
        Conversation c = run(HumanUserSimulator.scripted(List.of("hello there", "bye now<|endconversation|>")), asst,
                8, ConversationListener.NONE, new RunControl());
        assertEquals(EndReason.USER_ENDED, c.endedBy());
        assertEquals(List.of("hello there", "reply", "bye now"), c.turns().stream().map(Turn::content).toList());

        RunControl stopped = new RunControl();
        ConversationListener stopOnText = new ConversationListener() {
            @Override
            public void onText(int index, String delta) {
                if (index == 1) {
                    stopped.stop();
                }
            }
        };
        Conversation s = run(HumanUserSimulator.scripted(List.of("hi again there")),
                new FakeChatModel("asst", "a long answer that will be cut"), 8, stopOnText, stopped);
        assertEquals(EndReason.CANCELLED, s.endedBy());
        Turn cut = repo.find(s.id()).orElseThrow().turns().get(1);
        assertEquals(TurnStatus.CANCELLED, cut.status());
        assertEquals("a l", cut.content());
    }

    @Test
    void pauseWaitsBetweenTurnsAndStepAllowsOne() throws Exception {
        RunControl control = RunControl.startPaused();
        FakeChatModel asst = new FakeChatModel("asst").respond(r -> "reply");
        List<Integer> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConversationListener l = new ConversationListener() {
            @Override
            public void onTurnFinished(Turn turn) {
                finished.add(turn.index());
            }
        };
        Thread t = new Thread(() -> run(HumanUserSimulator.scripted(List.of("one two three", "four five six")),
                asst, 8, l, control));
        t.start();
        Thread.sleep(200);
        assertTrue(finished.isEmpty(), "paused before the first turn");
        control.step();
        waitFor(() -> finished.size() == 1);
        Thread.sleep(200);
        assertEquals(1, finished.size(), "one step, one turn");
        control.resume();
        t.join(5000);
        assertEquals(List.of(0, 1, 2, 3), finished);
    }

    static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!cond.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertTrue(cond.getAsBoolean());
    }
}
