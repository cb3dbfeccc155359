package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.ui.common.editor.Tok;

/** Code blocks in turns are highlighted; a streaming turn renders finished chunks and settles without a jump. */
class TurnViewMarkdownTest {
    private static final String ANSWER = "Here is the function:\n\n```python\ndef add(a, b):\n    return a + b  # sum\n"
            + "```\n\nCall it with **two** numbers.";
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Turn turn(String text) {
        return new Turn(1, Role.ASSISTANT, text, text, TurnStatus.COMPLETE, null, 0L, 1L, 10L, null, 10, null, "m",
                List.of(), false, null);
    }

    private static List<Text> texts(Node n, String styleClass) {
        return n.lookupAll("." + styleClass).stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    @Test
    void aPythonBlockInASettledTurnHasHighlightedTokens() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TurnView v = new TurnView(TurnViewModel.settled(turn(ANSWER)), TurnView.Actions.NONE);
            Scene scene = new Scene(new StackPane(v), 600, 400);
            scene.getStylesheets().add(TurnViewMarkdownTest.class.getResource("/assets/css/workbench.css")
                    .toExternalForm());
            scene.getStylesheets().add(TurnViewMarkdownTest.class.getResource("/assets/css/dark.css").toExternalForm());
            scene.getRoot().applyCss();
            assertEquals(List.of("def", "return"), texts(v, Tok.KEYWORD).stream().map(Text::getText).toList());
            assertEquals(List.of("# sum"), texts(v, Tok.COMMENT).stream().map(Text::getText).toList());
            String code = texts(v, "md-code-text").stream().map(Text::getText).collect(Collectors.joining());
            assertEquals("def add(a, b):\n    return a + b  # sum", code, "every character once, in order");
            // The keyword colour is the code-block one, not the prose text colour.
            Text def = texts(v, Tok.KEYWORD).get(0);
            Text plain = texts(v, "md-code-text").stream().filter(t -> t.getText().contains("add")).findFirst()
                    .orElseThrow();
            assertFalse(def.getFill().equals(plain.getFill()), def.getFill() + " vs " + plain.getFill());
            return null;
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void finishedChunksRenderWhileStreamingAndStayWhenTheTurnSettles() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TurnViewModel vm = new TurnViewModel(1, Role.ASSISTANT);
            TurnView v = new TurnView(vm, TurnView.Actions.NONE);
            StackPane root = new StackPane(v);
            new Scene(root, 600, 400);
            for (int i = 0; i < ANSWER.length(); i += 5) {
                vm.append(ANSWER.substring(i, Math.min(ANSWER.length(), i + 5)));
            }
            root.applyCss();
            root.layout();
            // The paragraph and the code block are done; the last line still streams as plain text.
            assertEquals(1, v.lookupAll(".md-code-block").size(), "code block rendered before the turn settled");
            assertTrue(texts(v, "stream-line").stream().anyMatch(t -> t.getText().contains("**two**")));
            Node codeBlock = v.lookup(".md-code-block");
            Parent box = codeBlock.getParent();
            Parent boxParent = box.getParent();
            double before = v.prefHeight(600);
            vm.finish(turn(ANSWER));
            root.applyCss();
            root.layout();
            assertSame(codeBlock, v.lookup(".md-code-block"), "the rendered chunk is kept, not rebuilt");
            // Moving the rendered blocks to another parent re-runs CSS on all of them (bench-ui's turn boundaries).
            assertSame(box, codeBlock.getParent(), "the rendered chunk stays in its box");
            assertSame(boxParent, box.getParent(), "the box stays where it was");
            assertTrue(texts(v, "md-strong").stream().anyMatch(t -> t.getText().equals("two")));
            assertTrue(v.lookupAll(".stream-line").stream().noneMatch(Node::isVisible) || v.lookup(".stream-line")
                    == null, "no raw lines left");
            double after = v.prefHeight(600);
            assertTrue(Math.abs(after - before) < 25, "height changed by " + (after - before));
            return null;
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aStreamedTurnSettlesToWhatALoadedTurnShows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TurnViewModel vm = new TurnViewModel(1, Role.ASSISTANT);
            TurnView streamed = new TurnView(vm, TurnView.Actions.NONE);
            vm.append(ANSWER);
            vm.finish(turn(ANSWER));
            TurnView loaded = new TurnView(TurnViewModel.settled(turn(ANSWER)), TurnView.Actions.NONE);
            assertEquals(shape(loaded), shape(streamed));
            return null;
        }).get(20, TimeUnit.SECONDS);
    }

    /** The rendered nodes' classes and texts, depth first. */
    private static String shape(Node n) {
        StringBuilder sb = new StringBuilder(n.getStyleClass().toString());
        if (n instanceof Text t) {
            sb.append('"').append(t.getText()).append('"');
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                sb.append('(').append(shape(c)).append(')');
            }
        }
        return sb.toString();
    }
}
