package org.userlm.workbench.ui.presenter;

/**
 * Where the presentation is: which slide, how many of its turns are on screen, and when the last one began to
 * type. Time is passed in (milliseconds from any fixed origin), so the view can run it from a pulse and a test
 * from a fake clock. One key advances: it finishes the turn being typed, else starts the next turn, else moves
 * to the next slide (whose first turn starts typing at once).
 */
public final class PresenterModel {
    private final Deck deck;
    private int slide;
    private int shown;
    private long typingSince;
    private boolean typingDone;

    public PresenterModel(Deck deck, long nowMs) {
        this.deck = deck;
        enterSlide(0, nowMs);
    }

    private void enterSlide(int index, long nowMs) {
        slide = index;
        shown = lines() > 0 ? 1 : 0;
        typingSince = nowMs;
        typingDone = shown == 0;
    }

    public Deck deck() {
        return deck;
    }

    public int slide() {
        return slide;
    }

    /** How many turns of the current slide are on screen (the last may still be typing). */
    public int shown() {
        return shown;
    }

    private int lines() {
        return deck.slides().isEmpty() ? 0 : deck.slides().get(slide).lines().size();
    }

    /** The text of turn {@code i} of the current slide as it looks at {@code nowMs}. */
    public String text(int i, long nowMs) {
        String full = deck.slides().get(slide).lines().get(i).text();
        if (i < shown - 1 || typingDone) {
            return full;
        }
        return Typing.visible(full, deck.wordsPerMinute(), nowMs - typingSince);
    }

    /** Whether the last shown turn is fully typed at {@code nowMs}. */
    public boolean typed(long nowMs) {
        if (typingDone || shown == 0) {
            return true;
        }
        String full = deck.slides().get(slide).lines().get(shown - 1).text();
        return nowMs - typingSince >= Typing.durationMs(full, deck.wordsPerMinute());
    }

    /** → / PgDn / space. Returns false at the very end. */
    public boolean advance(long nowMs) {
        if (!typed(nowMs)) {
            typingDone = true;
            return true;
        }
        if (shown < lines()) {
            shown++;
            typingSince = nowMs;
            typingDone = false;
            return true;
        }
        if (slide + 1 < deck.slides().size()) {
            enterSlide(slide + 1, nowMs);
            return true;
        }
        return false;
    }

    /** ← / PgUp: one turn back (shown whole), or the end of the previous slide. */
    public void back() {
        if (shown > 1) {
            shown--;
        } else if (slide > 0) {
            slide--;
            shown = lines();
        }
        typingDone = true;
    }

    /** True when the last turn of the last slide is fully typed. */
    public boolean atEnd(long nowMs) {
        return slide == deck.slides().size() - 1 && shown == lines() && typed(nowMs) || deck.slides().isEmpty();
    }
}
