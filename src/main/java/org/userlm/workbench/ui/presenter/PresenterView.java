package org.userlm.workbench.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.ui.common.Owners;

/**
 * Full-screen replay of a {@link Deck}: large type, a caption line per slide, the turns typed at the playlist's
 * words per minute. → / PgDn / space / Enter / click advance (what presentation clickers send), ← / PgUp go
 * back, Esc closes. Updated once per pulse from the clock it is given.
 */
public final class PresenterView extends BorderPane {
    private final PresenterModel model;
    private final LongSupplier clockMs;
    private final Label caption = new Label();
    private final Label title = new Label();
    private final VBox turns = new VBox(18);
    private final ScrollPane scroll = new ScrollPane(turns);
    private final Label footer = new Label();
    private final List<Label> texts = new ArrayList<>();
    private int builtSlide = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            refresh();
        }
    };

    public PresenterView(Deck deck, LongSupplier clockMs) {
        this.clockMs = clockMs;
        this.model = new PresenterModel(deck, clockMs.getAsLong());
        setId("presenter");
        getStyleClass().add("presenter");
        caption.setId("presenterCaption");
        caption.getStyleClass().add("presenter-caption");
        caption.setWrapText(true);
        title.getStyleClass().add("presenter-title");
        title.setWrapText(true);
        VBox top = new VBox(6, caption, title);
        top.getStyleClass().add("presenter-top");
        setTop(top);
        turns.getStyleClass().add("presenter-turns");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("presenter-scroll");
        setCenter(scroll);
        footer.setId("presenterFooter");
        footer.getStyleClass().add("presenter-footer");
        setBottom(footer);
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMouseClicked(e -> next());
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        refresh();
    }

    public PresenterModel model() {
        return model;
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.RIGHT || k == KeyCode.PAGE_DOWN || k == KeyCode.SPACE || k == KeyCode.ENTER
                || k == KeyCode.DOWN) {
            next();
        } else if (k == KeyCode.LEFT || k == KeyCode.PAGE_UP || k == KeyCode.UP) {
            model.back();
            refresh();
        } else if (k == KeyCode.ESCAPE && getScene() != null && getScene().getWindow() instanceof Stage s) {
            s.close();
        } else {
            return;
        }
        e.consume();
    }

    private void next() {
        model.advance(clockMs.getAsLong());
        refresh();
    }

    /** Shows the model at the clock's time. FX thread (every pulse, and after each key). */
    public void refresh() {
        long now = clockMs.getAsLong();
        Deck deck = model.deck();
        if (deck.slides().isEmpty()) {
            caption.setText("This playlist has no conversations");
            return;
        }
        Deck.Slide slide = deck.slides().get(model.slide());
        if (builtSlide != model.slide()) {
            builtSlide = model.slide();
            caption.setText(slide.caption());
            caption.setVisible(!slide.caption().isBlank());
            caption.setManaged(caption.isVisible());
            title.setText(slide.title());
            turns.getChildren().clear();
            texts.clear();
        }
        while (texts.size() > model.shown()) {
            texts.remove(texts.size() - 1);
            turns.getChildren().remove(turns.getChildren().size() - 1);
        }
        while (texts.size() < model.shown()) {
            addTurn(slide.lines().get(texts.size()).role());
        }
        for (int i = 0; i < texts.size(); i++) {
            String t = model.text(i, now);
            if (!t.equals(texts.get(i).getText())) {
                texts.get(i).setText(t);
                scroll.setVvalue(1);
            }
        }
        footer.setText((model.slide() + 1) + " / " + deck.slides().size() + "  ·  " + deck.name() + "  ·  "
                + deck.wordsPerMinute() + " wpm  ·  → next  ← back  Esc exit"
                + (model.atEnd(now) ? "  ·  the end" : ""));
    }

    private void addTurn(Role role) {
        boolean user = role == Role.USER;
        Label who = new Label(user ? "USER" : "ASSISTANT");
        who.getStyleClass().addAll("presenter-role", user ? "presenter-role-user" : "presenter-role-assistant");
        who.setMinWidth(USE_PREF_SIZE);
        Label text = new Label();
        text.setId("presenterTurn-" + texts.size());
        text.setWrapText(true);
        text.setMinHeight(USE_PREF_SIZE);
        text.getStyleClass().add("presenter-text");
        VBox bubble = new VBox(8, who, text);
        bubble.getStyleClass().addAll("presenter-bubble", user ? "presenter-user" : "presenter-assistant");
        bubble.setMaxWidth(1200);
        HBox row = new HBox(bubble);
        row.setAlignment(user ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        texts.add(text);
        turns.getChildren().add(row);
    }

    /** Opens the deck full screen in its own window with the given stylesheets. */
    public static Stage show(Deck deck, List<String> stylesheets) {
        PresenterView v = new PresenterView(deck, () -> System.nanoTime() / 1_000_000);
        Scene scene = new Scene(v, 1280, 800);
        scene.getStylesheets().setAll(stylesheets);
        Stage stage = new Stage();
        // Owned by the main window (not the playlist editor, whose closing would close it): closing the presenter
        // gives the focus back, which on a display without a window manager nothing else does.
        Window owner = Owners.active();
        while (owner instanceof Stage s && s.getOwner() != null) {
            owner = s.getOwner();
        }
        stage.initOwner(owner);
        stage.setTitle("Presenter — " + deck.name());
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnHidden(e -> v.timer.stop());
        stage.show();
        v.requestFocus();
        return stage;
    }
}
