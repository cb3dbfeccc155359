package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Role;

/** A token longer than the bubble is wide (a URL, a hash, a number) breaks inside the bubble, not past its edge. */
class TurnViewLongTokenTest {
    private static final String TOKEN = "x".repeat(120) + "/" + "9".repeat(200);

    @Test
    void longUnbrokenTokensStayInsideTheBubble() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> spills = WaitForAsyncUtils.asyncFx(() -> {
            TurnView user = EvaluationChipsViewTest.turn(0, Role.USER, "see " + TOKEN + " please", null);
            TurnView code = EvaluationChipsViewTest.turn(1, Role.ASSISTANT, "Here:\n\n```\n" + TOKEN + "\n```\n"
                    + "and `" + TOKEN + "`", null);
            VBox column = new VBox(8, user, code);
            column.setPrefWidth(420);
            column.setMaxWidth(420);
            Scene scene = new Scene(new VBox(column), 1024, 700);
            scene.getStylesheets().setAll(EvaluationChipsViewTest.css("workbench"),
                    EvaluationChipsViewTest.css("light"));
            column.applyCss();
            column.layout();
            List<String> out = new ArrayList<>();
            for (TurnView bubble : List.of(user, code)) {
                Bounds b = bubble.localToScene(bubble.getLayoutBounds());
                assertTrue(b.getWidth() <= 421, "bubble wider than its column: " + b.getWidth());
                boolean wrapped = false;
                for (Node n : texts(bubble)) {
                    Bounds t = n.localToScene(n.getLayoutBounds());
                    if (((Text) n).getText().contains(TOKEN)) {
                        wrapped |= t.getHeight() > 3 * ((Text) n).getFont().getSize();
                    }
                    if (t.getMaxX() > b.getMaxX() + 0.5) {
                        out.add(bubble.getId() + ": text ends at " + t.getMaxX() + " > bubble " + b.getMaxX());
                    }
                }
                if (!wrapped) {
                    out.add(bubble.getId() + ": the token was not broken over lines");
                }
            }
            return out;
        }).get(20, TimeUnit.SECONDS);
        assertTrue(spills.isEmpty(), spills.toString());
    }

    private static List<Node> texts(Parent p) {
        List<Node> out = new ArrayList<>();
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Text && n.isVisible()) {
                out.add(n);
            } else if (n instanceof Parent c && n.isVisible()) {
                out.addAll(texts(c));
            }
        }
        return out;
    }
}
