package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/** The bubble list keeps only the bubbles near the viewport in the scene graph, and counts every bubble's height. */
class TurnListTest {
    /** A completed, read-only bubble of {@code text}. */
    private static TurnView settled(int index, Role role, String text) {
        return new TurnView(TurnViewModel.settled(new Turn(index, role, text, text, TurnStatus.COMPLETE, null, 0L, 1L,
                10L, null, 10, null, "m", List.of(), false, null)), TurnView.Actions.NONE);
    }

    @Test
    void onlyBubblesNearTheViewportAreInTheScene() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            TurnList list = new TurnList();
            List<TurnView> views = new ArrayList<>();
            String text = "a line of text that wraps in the bubble\n\n".repeat(20);
            for (int i = 0; i < 40; i++) {
                Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
                views.add(settled(i, role, text));
            }
            list.setAll(views);
            StackPane root = new StackPane(list);
            new Scene(root, 800, 600);
            list.window(0, 600);
            root.applyCss();
            root.resize(800, 600);
            root.layout();
            list.window(0, 600);
            root.applyCss();
            root.layout();
            int shown = list.getChildrenUnmodifiable().size();
            assertTrue(shown > 0 && shown < 40, "shown " + shown);
            assertTrue(list.getChildrenUnmodifiable().contains(views.get(0)));
            double total = list.prefHeight(800);
            assertTrue(total > 40 * 300, "every bubble counts in the height: " + total);
            list.window(total - 600, total);
            root.applyCss();
            root.layout();
            assertTrue(list.getChildrenUnmodifiable().contains(views.get(39)), "the last bubble is shown at the end");
            assertTrue(!list.getChildrenUnmodifiable().contains(views.get(0)), "the first one left the scene");
            assertEquals(40, list.turns().size());
            return null;
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aWarmUpBubbleStaysAnInvisibleExtraChildThroughScrolling() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            TurnList list = new TurnList();
            List<TurnView> views = new ArrayList<>();
            String text = "a line of text that wraps in the bubble\n\n".repeat(20);
            for (int i = 0; i < 10; i++) {
                views.add(settled(i, Role.USER, text));
            }
            list.setAll(views);
            StackPane root = new StackPane(list);
            new Scene(root, 800, 600);
            root.applyCss();
            root.resize(800, 600);
            root.layout();
            double height = list.prefHeight(800);
            TurnView warm = settled(0, Role.ASSISTANT, "warm");
            list.warm(warm);
            assertTrue(list.getChildrenUnmodifiable().contains(warm));
            assertTrue(!warm.isVisible() && !warm.isManaged() && warm.isMouseTransparent());
            list.window(height - 600, height); // scrolled to the end: other bubbles come and go
            root.applyCss();
            root.layout();
            assertTrue(list.getChildrenUnmodifiable().contains(views.get(9)));
            assertEquals(warm, list.getChildrenUnmodifiable().get(list.getChildrenUnmodifiable().size() - 1),
                    "still there, after the bubbles");
            assertEquals(10, list.turns().size(), "not a turn");
            double with = list.prefHeight(800);
            list.warm(null);
            assertTrue(!list.getChildrenUnmodifiable().contains(warm));
            assertEquals(with, list.prefHeight(800), 0.5, "it took no height");
            return null;
        }).get(20, TimeUnit.SECONDS);
    }
}
