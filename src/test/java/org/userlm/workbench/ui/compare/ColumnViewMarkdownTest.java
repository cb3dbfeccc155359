package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.testing.Fx;

/** A Compare cell shows raw text while its turn streams and rendered markdown once it settles. */
class ColumnViewMarkdownTest {
    private static final String ANSWER = "Sure:\n\n1. Add them up.\n2. **Answer:** 42\n\n```python\nprint(42)\n```";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aStreamingCellIsRawAndASettledCellIsRenderedMarkdown() throws Exception {
        Fx.call(() -> {
            ColumnState state = new ColumnState(new SimulatorSettings("UserLM", SimulatorKind.USERLM, null, null,
                    null, null, null));
            ColumnView view = new ColumnView(0, state);
            new Scene(view, 400, 600);
            Transcript.Cell cell = state.shown().cell(1, Role.ASSISTANT);
            cell.text.append(ANSWER);
            state.shown().version++;
            assertTrue(view.refresh());
            view.applyCss(); // skins (the scroll pane's content among them) join the scene graph
            assertTrue(texts(view).stream().anyMatch(t -> t.contains("**Answer:**")), "raw while streaming");
            assertTrue(view.lookupAll(".md").isEmpty());

            cell.streaming = false;
            cell.status = "complete";
            state.shown().version++;
            assertTrue(view.refresh());
            view.applyCss();
            assertFalse(view.lookupAll(".md").isEmpty(), "rendered once settled");
            assertFalse(texts(view).stream().anyMatch(t -> t.contains("**") || t.contains("```")), texts(view)
                    .toString());
            assertTrue(view.lookupAll(".md").stream().flatMap(n -> n.lookupAll("Text").stream())
                    .anyMatch(n -> n instanceof Text t && t.getText().contains("print")), "the code block is shown");
            assertEquals("Assistant · turn 2", ((Label) view.lookup(".compare-cell-head")).getText());
            assertFalse(view.refresh(), "an unchanged transcript is not rebuilt");
            return null;
        });
    }

    /** Every label's text (the raw body and the head), not the rendered runs. */
    private static List<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .toList();
    }
}
