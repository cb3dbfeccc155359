package org.userlm.workbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.ContextFullException;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.FakeChatModel;

/** Guardrails never become errors; a full context has its own end; failed and empty turns stay out of pace. */
class GuardrailEdgeCasesTest {
    static final Task TASK = new Task("m", TaskKind.MATH, "test", "Shells",
            "Leigh has 48 shells and shares them among 3 friends. How many does each get?", List.of(),
            "48/3=16\n#### 16", null);
    static final String INTENT = "You are a user who wants to know how many shells each friend gets.";

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

    Conversation run(UserSimulator user, ChatModel assistant, int maxTurns) {
        ConversationSpec spec = new ConversationSpec(UUID.randomUUID().toString(), null, "t", TASK, INTENT, user,
                assistant, assistant.modelName(), "sys", GenerationParams.assistantDefault(), maxTurns, 7L,
                SolvedCheck.NEVER, "{}", List.of(), null);
        return new ConversationRunner(repo).run(spec, ConversationListener.NONE, new RunControl());
    }

    static UserLmSimulator userLm(FakeChatModel m, int retries) {
        return new UserLmSimulator(m, GenerationParams.userLmCard(), GuardrailSettings.defaults()
                .withMaxRetries(retries));
    }

    @Test
    void exhaustedRedrawsKeepTheLastNonEmptyCandidateAndTheConversationGoesOn() {
        // Turn 1: a banned first word, then a banned empty ending twice: the non-empty draw is kept.
        FakeChatModel user = new FakeChatModel("userlm", "I have shells to share with three friends",
                "<|endconversation|>", "<|endconversation|>", "how many does each friend get then");
        FakeChatModel asst = new FakeChatModel("asst", "How many shells?", "Each gets 16.");
        Conversation c = run(userLm(user, 2), asst, 2);
        assertEquals(EndReason.MAX_TURNS, c.endedBy(), "the conversation went on after the exhausted turn");
        Turn first = c.turns().get(0);
        assertEquals(TurnStatus.COMPLETE, first.status());
        assertEquals("I have shells to share with three friends", first.content());
        GuardrailEvent kept = first.guardrailEvents().get(first.guardrailEvents().size() - 1);
        assertEquals("kept_last", kept.action());
        assertEquals(Guardrails.FIRST_TOKENS, kept.rule(), "the rule the kept turn broke is recorded");
        assertEquals(1, kept.attempt());
        assertEquals(4, c.turns().size());
        Conversation stored = repo.find(c.id()).orElseThrow();
        assertEquals("kept_last", stored.turns().get(0).guardrailEvents().get(3).action());
    }

    @Test
    void everyDrawEmptyEndsAsTheUsersEndNotAnError() {
        FakeChatModel user = new FakeChatModel("userlm", "how many shells does each friend get",
                "<|endconversation|>", "<|endconversation|>");
        FakeChatModel asst = new FakeChatModel("asst", "Each gets 16.");
        // Ending is banned until 2 user turns exist; turn 2 draws only empty endings.
        Conversation c = run(userLm(user, 1), asst, 5);
        assertEquals(EndReason.USER_ENDED, c.endedBy());
        Turn last = c.turns().get(c.turns().size() - 1);
        assertEquals(Role.USER, last.role());
        assertEquals("", last.content());
        assertEquals("ended_empty", last.guardrailEvents().get(last.guardrailEvents().size() - 1).action());
        ConversationMetrics m = ConversationMetrics.of(c, Outcome.notGradeable("-"));
        assertEquals(1, m.userTurns(), "the empty turn is left out of pace");
        assertEquals(2, m.guardrailFirings(), "but its guardrail events are counted");
    }

    @Test
    void aFullContextEndsWithItsOwnReasonAndTheTokenCount() {
        ChatModel full = new ChatModel() {
            @Override
            public GenerationResult generate(GenerationRequest request, TokenListener listener,
                                             CancellationToken cancel) throws ContextFullException {
                listener.onText("def f");
                throw new ContextFullException("the context filled up", 8192, 8192, "def f");
            }

            @Override
            public String modelName() {
                return "full";
            }

            @Override
            public ModelCapabilities capabilities() {
                return new FakeChatModel("x").capabilities();
            }
        };
        FakeChatModel user = new FakeChatModel("userlm", "how many shells does each friend get");
        Conversation c = run(userLm(user, 1), full, 5);
        assertEquals(EndReason.CONTEXT_FULL, c.endedBy());
        Turn t = c.turns().get(1);
        assertEquals(TurnStatus.FAILED, t.status());
        assertEquals("def f", t.content(), "nothing is dropped silently");
        assertTrue(t.error().contains("8,192 tokens"), t.error());
        assertEquals(EndReason.CONTEXT_FULL, repo.find(c.id()).orElseThrow().endedBy());
    }

    @Test
    void paperPresetUsesTheReportedVerbatimRule() {
        GuardrailSettings paper = GuardrailSettings.paper();
        String intent = "You are a user who wants to know how many shells each friend gets when sharing.";
        // Shares an 8-word run with the intent: our default rule fires, the reported one does not.
        String turn = "so how many shells each friend gets when sharing them";
        assertTrue(Guardrails.check(GuardrailSettings.defaults(), turn, false, List.of(), intent).isPresent());
        assertFalse(Guardrails.check(paper, turn, false, List.of(), intent).isPresent());
        // A case-only change of an earlier turn: normalised equality (default) fires; exact repeat does not.
        assertTrue(Guardrails.check(GuardrailSettings.defaults(), "How Many Shells each", false,
                List.of("how many shells each"), intent).isPresent());
        assertFalse(Guardrails.check(paper, "How Many Shells each", false, List.of("how many shells each"), intent)
                .isPresent());
        // An exact repeat and a word-for-word copy of the intent fire under both.
        assertEquals(Guardrails.VERBATIM, Guardrails.check(paper, "how many shells each", false,
                List.of("how many shells each"), intent).orElseThrow().rule());
        assertEquals(Guardrails.VERBATIM, Guardrails.check(paper, "how many shells each friend gets", false,
                List.of(), intent).orElseThrow().rule());
    }

    @Test
    void failedTurnsAreLeftOutOfPaceAndAttempts() {
        FakeChatModel user = new FakeChatModel("userlm", "how many shells does each friend get", "!fail:so th");
        FakeChatModel asst = new FakeChatModel("asst", "Each gets 16.");
        Conversation c = run(userLm(user, 0), asst, 5);
        assertEquals(EndReason.ERROR, c.endedBy());
        ConversationMetrics m = ConversationMetrics.of(c, Outcome.notGradeable("-"));
        assertEquals(1, m.userTurns(), "the failed user turn is not counted");
        assertEquals(7.0, m.wordsPerUserTurn(), 1e-9);
    }
}
