package org.userlm.workbench.ui.annotation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.AnnotationScope;
import org.userlm.workbench.domain.QuestionType;
import org.userlm.workbench.storage.AnnotationSchemaJson;

/**
 * The schema being edited, held twice: as a list of questions (the form) and as JSON text (the "Advanced" tab).
 * A form edit rewrites the JSON; a JSON edit that parses replaces the questions; one that does not keeps them and
 * sets {@link #errorProperty()}. Both paths are checked by {@link AnnotationSchemaJson}, so the form accepts what
 * the JSON import accepts. FX thread.
 */
final class SchemaEditorModel {
    private final AnnotationSchema original;
    private final ObservableList<AnnotationQuestion> questions = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty json = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    /** Counts replacements of the whole question list from JSON, so the form reloads its detail pane. */
    private final IntegerProperty reloads = new SimpleIntegerProperty();
    private final List<String> problems = new ArrayList<>();
    private String id;
    private int version;
    private boolean syncing;

    SchemaEditorModel(AnnotationSchema schema) {
        this.original = schema;
        id = schema.id();
        version = schema.version();
        name.set(schema.name());
        questions.setAll(schema.questions());
        json.set(AnnotationSchemaJson.toJson(draft()));
        validate();
        questions.addListener((ListChangeListener<AnnotationQuestion>) c -> formChanged());
        name.addListener((o, a, b) -> formChanged());
        json.addListener((o, a, b) -> jsonChanged(b));
    }

    /** The schema as the form holds it (may be invalid: see {@link #problemOf(int)}). */
    AnnotationSchema draft() {
        return new AnnotationSchema(id, name.get() == null || name.get().isBlank() ? id : name.get(), version,
                questions);
    }

    private void formChanged() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            json.set(AnnotationSchemaJson.toJson(draft()));
        } finally {
            syncing = false;
        }
        validate();
    }

    private void jsonChanged(String text) {
        if (syncing) {
            return;
        }
        AnnotationSchema parsed;
        try {
            parsed = AnnotationSchemaJson.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            // The form keeps the last valid questions; Save waits until the JSON is right again.
            error.set("JSON: " + e.getMessage());
            valid.set(false);
            return;
        }
        syncing = true;
        try {
            id = parsed.id();
            version = parsed.version();
            name.set(parsed.name());
            questions.setAll(parsed.questions());
        } finally {
            syncing = false;
        }
        reloads.set(reloads.get() + 1);
        validate();
    }

    private void validate() {
        problems.clear();
        // Both questions of a duplicate key are marked: either may be the one to rename.
        Map<String, Long> keys = questions.stream().collect(Collectors.groupingBy(AnnotationQuestion::key,
                Collectors.counting()));
        for (AnnotationQuestion q : questions) {
            String p = AnnotationSchemaJson.problem(q).orElse("");
            if (p.isEmpty() && keys.get(q.key()) > 1) {
                p = "question key \"" + q.key() + "\" appears twice";
            }
            problems.add(p);
        }
        List<String> all = AnnotationSchemaJson.problems(draft());
        error.set(all.isEmpty() ? "" : all.get(0) + (all.size() > 1 ? " (and " + (all.size() - 1) + " more)" : ""));
        valid.set(all.isEmpty());
    }

    /** The problem of the question at {@code i} on its own or as a duplicate key, or "" when it is fine. */
    String problemOf(int i) {
        return i >= 0 && i < problems.size() ? problems.get(i) : "";
    }

    /** Adds a new 1..5 rating question with a key no other question has; returns its index. */
    int add() {
        int n = questions.size() + 1;
        Set<String> taken = new HashSet<>();
        questions.forEach(q -> taken.add(q.key()));
        while (taken.contains("question_" + n)) {
            n++;
        }
        questions.add(new AnnotationQuestion("question_" + n, "New question", AnnotationScope.USER_TURN,
                QuestionType.RATING, List.of(), true));
        return questions.size() - 1;
    }

    void remove(int i) {
        if (i >= 0 && i < questions.size()) {
            questions.remove(i);
        }
    }

    /** Moves question {@code i} by {@code delta} places; returns its new index. */
    int move(int i, int delta) {
        int j = i + delta;
        if (i < 0 || i >= questions.size() || j < 0 || j >= questions.size()) {
            return i;
        }
        List<AnnotationQuestion> copy = new ArrayList<>(questions);
        copy.add(j, copy.remove(i));
        questions.setAll(copy);
        return j;
    }

    void replace(int i, AnnotationQuestion q) {
        if (i >= 0 && i < questions.size() && !questions.get(i).equals(q)) {
            questions.set(i, q);
        }
    }

    /** The schema to store: the edited one, its version bumped when it keeps its id. */
    AnnotationSchema result() {
        AnnotationSchema d = draft();
        int v = Math.max(d.version(), original.version() + (d.id().equals(original.id()) ? 1 : 0));
        return new AnnotationSchema(d.id(), d.name(), v, d.questions());
    }

    ObservableList<AnnotationQuestion> questions() {
        return questions;
    }

    StringProperty nameProperty() {
        return name;
    }

    StringProperty jsonProperty() {
        return json;
    }

    StringProperty errorProperty() {
        return error;
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    IntegerProperty reloadsProperty() {
        return reloads;
    }
}
