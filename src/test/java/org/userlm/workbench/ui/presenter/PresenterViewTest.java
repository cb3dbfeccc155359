package org.userlm.workbench.ui.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Playlist;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.storage.sqlite.SqlitePlaylistRepository;

/**
 * Replays a stored playlist with a fake clock: what is on screen at a given time follows the words per minute,
 * and →, space, PgDn, ← and Esc do what a presentation clicker expects.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterViewTest {
    static final String USER1 = "how many apples does tom have if he has three boxes";
    static final String ASSISTANT1 = "Could you tell me how many apples are in each box?";
    static final String USER2 = "four in each box";
    @TempDir
    static Path dir;
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private SqliteDatabase db;
    private PresenterView view;
    private Stage stage;

    static Conversation conversation(String id, String... texts) {
        List<Turn> turns = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            turns.add(Turn.typed(i, i % 2 == 0 ? Role.USER : Role.ASSISTANT, texts[i]));
        }
        return new Conversation(id, null, "t-" + id, "title " + id, "userlm", "u", "a", "intent", "sys", "{}", null,
                null, null, 1_000, turns);
    }

    /** Two stored conversations and a stored playlist over them, loaded back as a deck. */
    static Deck storedDeck(SqliteDatabase db) {
        var conversations = new SqliteConversationRepository(db);
        conversations.create(conversation("c1", USER1, ASSISTANT1));
        conversations.create(conversation("c2", USER2));
        var playlists = new SqlitePlaylistRepository(db);
        playlists.save(new Playlist("p1", "Board demo", 120, List.of(new Playlist.Slide("c1", "First: vague start"),
                new Playlist.Slide("c2", "Then: a short answer")), 5));
        Playlist back = playlists.find("p1").orElseThrow();
        assertEquals(2, back.slides().size());
        return Deck.load(back, conversations);
    }

    @Start
    void start(Stage primary) {
        // Its own window: Esc closes it, and the shared primary stage stays open for later test classes.
        stage = new Stage();
        // The database is off-limits on the FX thread (where @Start runs): seed it on another thread and wait.
        Path file = dir.resolve("p-" + System.nanoTime() + ".db");
        db = CompletableFuture.supplyAsync(() -> SqliteDatabase.open(file)).join();
        Deck deck = CompletableFuture.supplyAsync(() -> storedDeck(db)).join();
        view = new PresenterView(deck, clock::get);
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
        stage.toFront();
        view.requestFocus();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        db.close();
    }

    private String turn(FxRobot robot, int i) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view.refresh();
            return robot.lookup("#presenterTurn-" + i).tryQueryAs(Label.class).map(Label::getText).orElse(null);
        }).get(10, TimeUnit.SECONDS);
    }

    private String caption(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#presenterCaption").queryAs(Label.class).getText())
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void typesAtTheChosenSpeedAndFollowsTheClickerKeys(FxRobot robot) throws Exception {
        robot.targetWindow(stage);
        assertEquals("First: vague start", caption(robot));
        assertEquals("", turn(robot, 0), "nothing typed at time zero");
        clock.addAndGet(1_000); // 120 wpm: two words a second
        assertEquals("how many", turn(robot, 0));
        clock.addAndGet(1_500);
        assertEquals("how many apples does tom", turn(robot, 0));
        robot.type(KeyCode.RIGHT); // finishes the turn being typed
        assertEquals(USER1, turn(robot, 0));
        assertEquals(null, turn(robot, 1), "the assistant's turn waits for the next key");
        robot.type(KeyCode.SPACE);
        assertEquals("", turn(robot, 1));
        clock.addAndGet(Typing.durationMs(ASSISTANT1, 120) - 1);
        assertTrue(turn(robot, 1).length() < ASSISTANT1.length(), "one millisecond before the end");
        clock.addAndGet(1);
        assertEquals(ASSISTANT1, turn(robot, 1));
        robot.type(KeyCode.PAGE_DOWN); // next slide
        assertEquals("Then: a short answer", caption(robot));
        assertEquals("", turn(robot, 0));
        assertEquals(null, turn(robot, 1));
        robot.type(KeyCode.LEFT);
        assertEquals("First: vague start", caption(robot));
        assertEquals(ASSISTANT1, turn(robot, 1), "going back shows the slide's turns whole");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!stage.isShowing(), "Esc leaves the presenter");
    }
}
