package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.ui.settings.ProtocolForm;
import org.userlm.workbench.ui.settings.ProtocolPane;

/**
 * The category chip of an assistant turn (judge, heuristic) and the Protocol & grading pane, in both themes; with
 * {@code -Dchips.screenshots=DIR} also writes PNGs of them at 1024x700.
 */
class EvaluationChipsViewTest {
    static final List<TurnCategory> PICKED = new ArrayList<>();

    static final TurnView.Actions ACTIONS = new TurnView.Actions() {
        @Override
        public void fork(int index, String newText) {
        }

        @Override
        public void retry() {
        }

        @Override
        public boolean editable() {
            return true;
        }

        @Override
        public void relabel(int index, TurnCategory category) {
            PICKED.add(category);
        }
    };

    static TurnView turn(int i, Role role, String text, TurnLabel label) {
        TurnViewModel vm = TurnViewModel.settled(new Turn(i, role, text, text, TurnStatus.COMPLETE, null, 0L, 120L,
                900L, 40, 30, null, role == Role.USER ? "userlm" : "gpt-4o", List.of(), false, null));
        vm.labelProperty().set(label);
        return new TurnView(vm, ACTIONS);
    }

    @Test
    void chipsShowTheLabelAndOfferTheSevenCategories() throws Exception {
        FxToolkit.registerPrimaryStage();
        String dir = System.getProperty("chips.screenshots");
        for (String theme : List.of("light", "dark")) {
            WaitForAsyncUtils.asyncFx(() -> {
                TurnLabel judged = new TurnLabel(3, TurnCategory.ANSWER_ATTEMPT, TurnLabel.Source.JUDGE, "gpt-4o-mini",
                        "judge-v1", "16", "lic", true, "predicted 16, gold 16", null, 0L);
                TurnLabel heuristic = new TurnLabel(1, TurnCategory.DISCUSSION, TurnLabel.Source.HEURISTIC, null,
                        null, null, null, null, null, null, 0L);
                VBox turns = new VBox(8, turn(0, Role.USER, "leigh has some shells to share", null),
                        turn(1, Role.ASSISTANT, "Happy to help. How many shells, and how many friends?", heuristic),
                        turn(2, Role.USER, "48 shells and 3 friends", null),
                        turn(3, Role.ASSISTANT, "Leigh gives each friend **16 shells** (48 / 3).", judged));
                turns.setMinWidth(600);
                turns.setPrefWidth(600);
                ProtocolPane pane = new ProtocolPane(new ProtocolForm(), "shot", true);
                ScrollPane side = new ScrollPane(pane);
                side.setFitToWidth(true);
                HBox root = new HBox(12, turns, side);
                HBox.setHgrow(side, Priority.ALWAYS);
                root.setStyle("-fx-padding: 12;");
                Scene scene = new Scene(root, 1024, 700);
                scene.getStylesheets().setAll(css("workbench"), css(theme));
                root.applyCss();
                root.layout();
                MenuButton chip = (MenuButton) root.lookup("#category-3");
                assertEquals("answer attempt · judge ✓", chip.getText());
                assertEquals(7, chip.getItems().size());
                chip.getItems().get(4).fire();
                MenuButton h = (MenuButton) root.lookup("#category-1");
                assertTrue(h.getText().contains("heuristic"), h.getText());
                assertFalse(root.lookup("#category-0") != null && root.lookup("#category-0").isVisible(),
                        "user turns have no chip");
                if (dir != null) {
                    write(scene.snapshot(null), Path.of(dir, "evaluation-chips-" + theme + ".png"));
                }
                return null;
            }).get(20, TimeUnit.SECONDS);
        }
        assertEquals(List.of(TurnCategory.HEDGE, TurnCategory.HEDGE), PICKED, "the annotator's pick reaches the VM");
    }

    static String css(String name) {
        return Path.of("assets", "css", name + ".css").toUri().toString();
    }

    static void write(WritableImage img, Path out) {
        try {
            BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
            BufferedImage rgb = new BufferedImage(bi.getWidth(), bi.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(bi, 0, 0, null);
            Files.createDirectories(out.getParent());
            ImageIO.write(rgb, "png", out.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
