package org.userlm.workbench.ui.common.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.userlm.workbench.testing.Fx;

/**
 * The code area is made when the editor comes near the visible part of the window, not before: an editor below
 * the fold of a scroll pane, or hidden, has none, yet its text follows the property both ways and is checked.
 */
class CodeEditorLazyTest extends FxRobot {
    private final StringProperty below = new SimpleStringProperty("{\"a\": 1}");
    private final StringProperty hiddenText = new SimpleStringProperty("hidden");
    private final StringProperty near = new SimpleStringProperty("near");
    private CodeEditor belowEditor;
    private CodeEditor hiddenEditor;
    private CodeEditor nearEditor;
    private ScrollPane scroll;

    @BeforeEach
    void show() throws Exception {
        Fx.showThemed(() -> {
            nearEditor = CodeEditors.prose(Validator.NONE).identify("near").bindBidirectional(near);
            hiddenEditor = CodeEditors.prose(Validator.NONE).identify("hidden").bindBidirectional(hiddenText);
            hiddenEditor.setVisible(false);
            belowEditor = CodeEditors.json(t -> null).identify("below").bindBidirectional(below);
            Region spacer = new Region();
            spacer.setMinHeight(2000);
            scroll = new ScrollPane(new VBox(10, nearEditor, hiddenEditor, spacer, belowEditor));
            scroll.setFitToWidth(true);
            return scroll;
        }, 600, 400);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void onlyTheEditorInViewHasACodeArea() throws Exception {
        Fx.await(() -> nearEditor.materialized());
        assertFalse(Fx.call(() -> belowEditor.materialized()), "2000 px below the fold");
        assertFalse(Fx.call(() -> hiddenEditor.materialized()), "hidden");
        assertEquals(1, (int) Fx.call(() -> lookup(".styled-text-area").queryAll().size()), "one code area in the scene");
        assertEquals("{\"a\": 1}", Fx.call(() -> belowEditor.getText()));
    }

    @Test
    void theTextIsCheckedAndFollowsThePropertyBeforeTheAreaExists() throws Exception {
        Fx.call(() -> {
            below.set("{\"a\": }");
            return null;
        });
        Fx.await(() -> lookup("#below-message").queryAs(Label.class).isVisible());
        assertTrue(Fx.call(() -> lookup("#below-message").queryAs(Label.class).getText()).startsWith("Line 1, column 7"));
        assertFalse(Fx.call(() -> belowEditor.materialized()));
        Fx.call(() -> {
            belowEditor.replace("{\"b\": 2}");
            return null;
        });
        assertEquals("{\"b\": 2}", Fx.call(below::get), "the editor's text reaches the property");
    }

    @Test
    void scrollingToTheEditorMakesItsAreaWithTheCurrentTextAndColours() throws Exception {
        Fx.call(() -> {
            below.set("{\"key\": 12}");
            return null;
        });
        Fx.call(() -> {
            scroll.setVvalue(1.0);
            return null;
        });
        Fx.await(() -> belowEditor.materialized());
        assertEquals("{\"key\": 12}", Fx.call(() -> belowEditor.area().getText()));
        Fx.await(() -> belowEditor.area().getStyleOfChar(9).contains(Tok.NUMBER));
        Fx.call(() -> {
            belowEditor.area().appendText(" ");
            return null;
        });
        assertEquals("{\"key\": 12} ", Fx.call(below::get), "typing in the area reaches the property");
        assertFalse(Fx.call(() -> belowEditor.area().getUndoManager().isUndoAvailable() && belowEditor.area().getText()
                .isEmpty()), "the area starts with the text, not with an undoable insertion of it");
    }

    @Test
    void showingAHiddenEditorMakesItsArea() throws Exception {
        Fx.call(() -> {
            hiddenEditor.setVisible(true);
            return null;
        });
        Fx.await(() -> hiddenEditor.materialized());
        assertEquals("hidden", Fx.call(() -> hiddenEditor.area().getText()));
    }

    @Test
    void askingForTheAreaMakesItAtOnce() throws Exception {
        assertEquals("{\"a\": 1}", Fx.call(() -> belowEditor.area().getText()));
        assertTrue(Fx.call(() -> belowEditor.materialized()));
    }
}
