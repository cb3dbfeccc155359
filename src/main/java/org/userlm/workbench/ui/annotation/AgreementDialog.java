package org.userlm.workbench.ui.annotation;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.evaluation.agreement.AgreementCalculator;
import org.userlm.workbench.evaluation.agreement.AgreementResult;
import org.userlm.workbench.storage.AnnotationRepository;
import org.userlm.workbench.ui.common.Owners;

/**
 * Inter-annotator agreement per question, the same figures as the {@code agreement} command: Cohen's kappa,
 * Krippendorff's alpha (nominal, ordinal, interval), items and annotators; each statistic's meaning is in the
 * column's tooltip and in the "What do these mean?" section. Computed off the FX thread.
 */
public final class AgreementDialog {
    static final String KAPPA = "Cohen's κ: agreement of exactly two annotators beyond chance (1 = perfect, 0 = what "
            + "chance gives, below 0 = worse than chance). Shown only when exactly two people answered.";
    static final String ALPHA_N = "Krippendorff's α (nominal): agreement beyond chance for any number of annotators "
            + "and missing answers; labels are just different or equal. 0.8+ is usually called reliable, "
            + "0.667–0.8 tentative.";
    static final String ALPHA_O = "Krippendorff's α (ordinal): for ratings; a 4 against a 5 is a smaller "
            + "disagreement than a 1 against a 5 (rank differences).";
    static final String ALPHA_I = "Krippendorff's α (interval): for ratings as numbers; disagreement grows with "
            + "the squared difference.";
    static final String ITEMS = "Items: turns (or conversations) answered by at least two annotators — the data "
            + "behind every figure. A multi-label question gives one yes/no row per tag (question:tag).";

    private AgreementDialog() {
    }

    public static void show(AnnotationRepository answers, AnnotationSchema schema) {
        TableView<AgreementResult> table = new TableView<>();
        table.setId("agreementTable");
        ProgressIndicator computing = new ProgressIndicator(); // many answers take seconds: show it works
        computing.setMaxSize(36, 36);
        table.setPlaceholder(new VBox(8, computing, new Label("Computing…")));
        ((VBox) table.getPlaceholder()).setAlignment(Pos.CENTER);
        table.getColumns().add(col("Question", AgreementResult::question, null));
        table.getColumns().add(col("Items", r -> Integer.toString(r.items()), ITEMS));
        table.getColumns().add(col("Annotators", r -> String.join(", ", r.annotators()), null));
        table.getColumns().add(col("Cohen's κ", r -> fmt(r.cohenKappa()), KAPPA));
        table.getColumns().add(col("α nominal", r -> fmt(r.alphaNominal()), ALPHA_N));
        table.getColumns().add(col("α ordinal", r -> fmt(r.alphaOrdinal()), ALPHA_O));
        table.getColumns().add(col("α interval", r -> fmt(r.alphaInterval()), ALPHA_I));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(900, 360);
        Label meaning = new Label(KAPPA + "\n\n" + ALPHA_N + "\n\n" + ALPHA_O + "\n\n" + ALPHA_I + "\n\n" + ITEMS
                + "\n\n“–” means undefined: too few items or annotators, or everyone gave the same answer.");
        meaning.setWrapText(true);
        meaning.setMinHeight(Label.USE_PREF_SIZE);
        TitledPane help = new TitledPane("What do these mean?", meaning);
        help.setExpanded(false);
        Dialog<Void> d = Owners.own(new Dialog<>(), Owners.active());
        d.setTitle("Agreement");
        d.setHeaderText("Inter-annotator agreement per question");
        d.getDialogPane().setContent(new VBox(8, table, help));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        Thread t = new Thread(() -> {
            try {
                List<AgreementResult> rows = AgreementCalculator.compute(answers.all(null), schema, null);
                Platform.runLater(() -> {
                    table.getItems().setAll(rows);
                    table.setPlaceholder(new Label("No question has answers from two annotators yet"));
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> table.setPlaceholder(new Label("Cannot compute: " + e.getMessage())));
            }
        }, "agreement");
        t.setDaemon(true);
        t.start();
        d.show();
    }

    private static TableColumn<AgreementResult, String> col(String name, Function<AgreementResult, String> f,
                                                           String meaning) {
        TableColumn<AgreementResult, String> c = new TableColumn<>(name);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        if (meaning != null) {
            Label head = new Label(name);
            head.setTooltip(new Tooltip(meaning));
            c.setText(null);
            c.setGraphic(head);
        }
        Text probe = new Text(name);
        c.setMinWidth(Math.ceil(probe.getLayoutBounds().getWidth() * 1.15) + 28);
        return c;
    }

    static String fmt(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
