package org.userlm.workbench.ui.common.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
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

    private static <T> T fx(Callable<T> c) throws Exception {
        return Fx.call(c);
    }

    private static void await(Callable<Boolean> c) throws Exception {
        Fx.await(c);
    }

    @Test
    void onlyTheEditorInViewHasACodeArea() throws Exception {
        await(() -> nearEditor.materialized());
        assertFalse(fx(() -> belowEditor.materialized()), "2000 px below the fold");
        assertFalse(fx(() -> hiddenEditor.materialized()), "hidden");
        assertEquals(1, (int) fx(() -> lookup(".styled-text-area").queryAll().size()), "one code area in the scene");
        assertEquals("{\"a\": 1}", fx(() -> belowEditor.getText()));
    }

    @Test
    void theTextIsCheckedAndFollowsThePropertyBeforeTheAreaExists() throws Exception {
        fx(() -> {
            below.set("{\"a\": }");
            return null;
        });
        await(() -> lookup("#below-message").queryAs(Label.class).isVisible());
        assertTrue(fx(() -> lookup("#below-message").queryAs(Label.class).getText()).startsWith("Line 1, column 7"));
        assertFalse(fx(() -> belowEditor.materialized()));
        fx(() -> {
            belowEditor.replace("{\"b\": 2}");
            return null;
        });
        assertEquals("{\"b\": 2}", fx(below::get), "the editor's text reaches the property");
    }

    @Test
    void scrollingToTheEditorMakesItsAreaWithTheCurrentTextAndColours() throws Exception {
        fx(() -> {
            below.set("{\"key\": 12}");
            return null;
        });
        fx(() -> {
            scroll.setVvalue(1.0);
            return null;
        });
        await(() -> belowEditor.materialized());
        assertEquals("{\"key\": 12}", fx(() -> belowEditor.area().getText()));
        await(() -> belowEditor.area().getStyleOfChar(9).contains(Tok.NUMBER));
        fx(() -> {
            belowEditor.area().appendText(" ");
            return null;
        });
        assertEquals("{\"key\": 12} ", fx(below::get), "typing in the area reaches the property");
        assertFalse(fx(() -> belowEditor.area().getUndoManager().isUndoAvailable() && belowEditor.area().getText()
                .isEmpty()), "the area starts with the text, not with an undoable insertion of it");
    }

    @Test
    void showingAHiddenEditorMakesItsArea() throws Exception {
        fx(() -> {
            hiddenEditor.setVisible(true);
            return null;
        });
        await(() -> hiddenEditor.materialized());
        assertEquals("hidden", fx(() -> hiddenEditor.area().getText()));
    }

    @Test
    void askingForTheAreaMakesItAtOnce() throws Exception {
        assertEquals("{\"a\": 1}", fx(() -> belowEditor.area().getText()));
        assertTrue(fx(() -> belowEditor.materialized()));
    }
}
