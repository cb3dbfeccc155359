package org.userlm.workbench.ui.annotation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationScope;
import org.userlm.workbench.domain.QuestionType;

/**
 * The fields of one question: key, prompt, what it applies to, answer type, required, and the type's answers
 * (a rating's range, a choice's options one per line). Each edit builds a new question and hands it to
 * {@code onEdit} with its index; {@link #load} fills the fields without reporting an edit.
 */
final class QuestionEditor extends GridPane {
    static final Map<AnnotationScope, String> SCOPES = Map.of(AnnotationScope.USER_TURN, "Each user turn",
            AnnotationScope.ASSISTANT_TURN, "Each assistant turn", AnnotationScope.CONVERSATION,
            "The whole conversation");
    static final Map<QuestionType, String> TYPES = Map.of(QuestionType.RATING, "Rating scale",
            QuestionType.SINGLE_CHOICE, "Single choice", QuestionType.MULTI_LABEL, "Multi-label (tags)",
            QuestionType.YES_NO, "Yes / no", QuestionType.TEXT, "Free text");

    private final TextField key = new TextField();
    private final TextArea prompt = new TextArea();
    private final ComboBox<AnnotationScope> scope = new ComboBox<>();
    private final ComboBox<QuestionType> type = new ComboBox<>();
    private final CheckBox required = new CheckBox("Required: an item is done only once this is answered");
    private final TextField min = new TextField();
    private final TextField max = new TextField();
    private final HBox range;
    private final TextArea options = new TextArea();
    private final Label optionsLabel = new Label("Options, one per line:");
    private final Label fixed = new Label();
    private final Label problem = new Label();
    private final BiConsumer<Integer, AnnotationQuestion> onEdit;
    private int index = -1;
    private boolean loading;

    QuestionEditor(BiConsumer<Integer, AnnotationQuestion> onEdit) {
        this.onEdit = onEdit;
        setId("questionEditor");
        setHgap(8);
        setVgap(8);
        key.setId("questionKey");
        prompt.setId("questionPrompt");
        scope.setId("questionScope");
        type.setId("questionType");
        required.setId("questionRequired");
        min.setId("ratingMin");
        max.setId("ratingMax");
        options.setId("questionOptions");
        problem.setId("questionProblem");
        problem.getStyleClass().add("error-label");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        scope.getItems().setAll(AnnotationScope.values());
        scope.setConverter(names(SCOPES));
        type.getItems().setAll(QuestionType.RATING, QuestionType.SINGLE_CHOICE, QuestionType.MULTI_LABEL,
                QuestionType.YES_NO, QuestionType.TEXT);
        type.setConverter(names(TYPES));
        min.setPrefColumnCount(4);
        max.setPrefColumnCount(4);
        Label from = new Label("from");
        Label to = new Label("to");
        range = new HBox(6, from, min, to, max);
        from.setMinWidth(Region.USE_PREF_SIZE);
        to.setMinWidth(Region.USE_PREF_SIZE);
        range.setMinWidth(Region.USE_PREF_SIZE);
        options.setPrefRowCount(6);
        // Prompts are sentences: they wrap in two rows instead of scrolling sideways in a one-line field.
        prompt.setWrapText(true);
        prompt.setPrefRowCount(2);
        prompt.setPrefColumnCount(20);
        key.setPrefColumnCount(16);
        required.setWrapText(true);
        required.setMinHeight(Region.USE_PREF_SIZE);
        range.setAlignment(Pos.CENTER_LEFT);
        fixed.setWrapText(true);
        fixed.setMinHeight(Region.USE_PREF_SIZE);
        addRow(0, label("Key (stored with each answer)"), key);
        addRow(1, label("Question"), prompt);
        addRow(2, label("Asked about"), scope);
        addRow(3, label("Answer type"), type);
        add(required, 1, 4);
        addRow(5, optionsLabel, new HBox(range, fixed));
        add(options, 1, 6);
        add(problem, 0, 7, 2, 1);
        GridPane.setHgrow(key, Priority.ALWAYS);
        for (var c : List.of(key, prompt, min, max)) {
            c.textProperty().addListener((o, a, b) -> edited());
        }
        options.textProperty().addListener((o, a, b) -> edited());
        scope.valueProperty().addListener((o, a, b) -> edited());
        required.selectedProperty().addListener((o, a, b) -> edited());
        type.valueProperty().addListener((o, a, b) -> {
            if (!loading && a != null && b != null) {
                typeChanged(b);
            }
        });
        setDisable(true);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> names(Map<T, String> names) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : names.get(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Shows question {@code i} (null: nothing selected) and its problem, without reporting an edit. */
    void load(int i, AnnotationQuestion q, String problemText) {
        loading = true;
        try {
            index = q == null ? -1 : i;
            setDisable(q == null);
            key.setText(q == null ? "" : q.key());
            prompt.setText(q == null ? "" : q.prompt());
            scope.setValue(q == null ? null : q.scope());
            type.setValue(q == null ? null : q.type());
            required.setSelected(q != null && q.required());
            List<String> opts = q == null ? List.of() : q.options();
            min.setText(opts.isEmpty() ? "" : opts.get(0));
            max.setText(opts.isEmpty() ? "" : opts.get(opts.size() - 1));
            options.setText(String.join("\n", opts));
            showTypeFields(q == null ? QuestionType.TEXT : q.type());
            showProblem(problemText);
        } finally {
            loading = false;
        }
    }

    void showProblem(String text) {
        problem.setText(text == null || text.isEmpty() ? "" : "⚠ " + text);
    }

    private void showTypeFields(QuestionType t) {
        boolean rating = t == QuestionType.RATING;
        boolean choice = t == QuestionType.SINGLE_CHOICE || t == QuestionType.MULTI_LABEL;
        range.setVisible(rating);
        range.setManaged(rating);
        options.setVisible(choice);
        options.setManaged(choice);
        fixed.setVisible(!rating && !choice);
        fixed.setManaged(!rating && !choice);
        optionsLabel.setText(rating ? "Scale" : choice ? "Options, one per line" : "Answers");
        fixed.setText(choice ? "" : t == QuestionType.YES_NO ? "yes / no" : "free text, no options");
    }

    /** A new type keeps the options that still make sense; ratings and yes/no start from their defaults. */
    private void typeChanged(QuestionType t) {
        loading = true;
        try {
            if (t == QuestionType.RATING) {
                min.setText("1");
                max.setText("5");
            }
            showTypeFields(t);
        } finally {
            loading = false;
        }
        edited();
    }

    private void edited() {
        if (loading || index < 0 || type.getValue() == null || scope.getValue() == null) {
            return;
        }
        onEdit.accept(index, new AnnotationQuestion(key.getText().strip(), prompt.getText(), scope.getValue(),
                type.getValue(), answers(type.getValue()), required.isSelected()));
    }

    private List<String> answers(QuestionType t) {
        return switch (t) {
            case RATING -> scale(min.getText().strip(), max.getText().strip());
            case SINGLE_CHOICE, MULTI_LABEL -> Arrays.stream(options.getText().split("\n")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            default -> List.of();
        };
    }

    /**
     * {@code lo..hi} when both are integers and {@code lo < hi}; otherwise the two texts as they are, which the
     * schema check then names ("integer options", "min below max").
     */
    static List<String> scale(String lo, String hi) {
        try {
            int a = Integer.parseInt(lo);
            int b = Integer.parseInt(hi);
            if (a < b) {
                return IntStream.rangeClosed(a, b).mapToObj(Integer::toString).toList();
            }
        } catch (NumberFormatException e) {
            // Named by the schema check below.
        }
        return List.of(lo, hi);
    }
}
