package org.userlm.workbench.ui.common.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.userlm.workbench.simulation.Intents;
import org.userlm.workbench.testing.Fx;

/** Typing into an editor: the message and the error style come and go as the text settles; the property follows. */
class CodeEditorTest extends FxRobot {
    private final StringProperty template = new SimpleStringProperty(Intents.DEFAULT_TEMPLATE);
    private final StringProperty schema = new SimpleStringProperty("{\"a\": 1}");
    private CodeEditor intent;
    private CodeEditor json;

    @BeforeEach
    void show() throws Exception {
        Fx.showThemed(() -> {
            intent = CodeEditors.intentTemplate().identify("tpl").bindBidirectional(template);
            json = CodeEditors.json(t -> null).identify("json").bindBidirectional(schema);
            return new VBox(10, intent, json);
        }, 600, 400);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Label message(String id) throws Exception {
        return Fx.call(() -> lookup("#" + id + "-message").queryAs(Label.class));
    }

    private Collection<String> styleAt(CodeEditor e, int pos) throws Exception {
        return Fx.call(() -> e.area().getStyleOfChar(pos));
    }

    @Test
    void anUnknownPlaceholderIsFlaggedWhileTypedAndClearedWhenErased() throws Exception {
        Fx.await(() -> styleAt(intent, intent.getText().indexOf("{goal}")).contains(Tok.PLACEHOLDER));
        assertFalse(Fx.call(() -> message("tpl").isVisible()), "the shipped template is fine");
        clickOn("#tpl-area");
        press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        write(" {typo}");
        Fx.await(() -> message("tpl").isVisible());
        assertTrue(Fx.call(() -> message("tpl").getText()).startsWith("Line 3, column "), Fx.call(() -> message("tpl").getText()));
        assertTrue(Fx.call(() -> message("tpl").getText()).contains("Unknown placeholder {typo}"));
        assertTrue(Fx.call(() -> message("tpl").getStyleClass().contains("editor-error")));
        assertEquals(Intents.DEFAULT_TEMPLATE + " {typo}", Fx.call(template::get), "the property follows the typing");
        int at = Fx.call(() -> intent.getText().indexOf("{typo}"));
        Fx.await(() -> styleAt(intent, at + 1).contains(Tok.ERROR));
        assertTrue(styleAt(intent, at + 1).contains(Tok.UNKNOWN));
        for (int i = 0; i < " {typo}".length(); i++) {
            type(KeyCode.BACK_SPACE);
        }
        Fx.await(() -> !message("tpl").isVisible());
        assertEquals(Intents.DEFAULT_TEMPLATE, Fx.call(template::get));
        assertFalse(styleAt(intent, intent.getText().length() - 1).contains(Tok.ERROR));
    }

    @Test
    void brokenJsonShowsItsLineAndMarksTheCharacter() throws Exception {
        Fx.await(() -> styleAt(json, 1).contains(Tok.KEY));
        Fx.call(() -> {
            schema.set("{\n  \"a\": 1,\n  \"b\" 2\n}");
            return null;
        });
        assertEquals(Fx.call(schema::get), Fx.call(json::getText), "a model change reaches the editor");
        Fx.await(() -> message("json").isVisible());
        assertTrue(Fx.call(() -> message("json").getText()).startsWith("Line 3, column 7: Not valid JSON"),
                Fx.call(() -> message("json").getText()));
        int two = Fx.call(() -> json.getText().indexOf('2'));
        Fx.await(() -> styleAt(json, two).contains(Tok.ERROR));
        assertTrue(styleAt(json, two).contains(Tok.NUMBER), "the error underline keeps the token colour");
        assertEquals(Diagnostic.Severity.ERROR, Fx.call(() -> json.diagnosticProperty().get().severity()));
    }

    @Test
    void aMissingTaskPlaceholderIsAWarning() throws Exception {
        Fx.call(() -> {
            template.set("You are a user who wants to {goal}");
            return null;
        });
        Fx.await(() -> message("tpl").isVisible());
        assertTrue(Fx.call(() -> message("tpl").getStyleClass().contains("editor-warning")));
        assertTrue(Fx.call(() -> message("tpl").getText()).contains("{problem}"));
    }
}
