package org.userlm.workbench.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Playlist;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.ui.common.PlainText;

/** A playlist with its conversations loaded: what the presenter and the HTML export show. */
public record Deck(String name, int wordsPerMinute, List<Slide> slides) {
    /** One slide: caption, title and the turns in order. */
    public record Slide(String caption, String title, List<Line> lines) {
    }

    /** One turn: who speaks and what. */
    public record Line(Role role, String text) {
    }

    public Deck {
        slides = List.copyOf(slides);
    }

    /** Loads the playlist's conversations (a read: call off the FX thread). Missing ones are skipped. */
    public static Deck load(Playlist p, ConversationRepository conversations) {
        List<Slide> slides = new ArrayList<>();
        for (Playlist.Slide s : p.slides()) {
            conversations.find(s.conversationId()).ifPresent(c -> slides.add(slide(s.caption(), c)));
        }
        return new Deck(p.name(), p.wordsPerMinute(), slides);
    }

    static Slide slide(String caption, Conversation c) {
        List<Line> lines = new ArrayList<>();
        for (Turn t : c.turns()) {
            if (t.status() != TurnStatus.FAILED && !t.content().isBlank()) {
                // Plain text, typed and shown the same way here and in the HTML export (no ** or ``` marks).
                lines.add(new Line(t.role(), PlainText.of(t.content())));
            }
        }
        return new Slide(caption, c.title() == null ? c.taskId() : c.title(), lines);
    }
}
