package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, versioned set of annotation questions.
 *
 * @param id        stable identifier (e.g. {@code userlm-default})
 * @param name      display name
 * @param version   incremented on every edit
 * @param questions the questions, in display order
 */
public record AnnotationSchema(String id, String name, int version, List<AnnotationQuestion> questions) {
    public AnnotationSchema {
        Objects.requireNonNull(id, "id");
        questions = List.copyOf(questions == null ? List.of() : questions);
    }

    /** The questions asked about items of one scope, in display order. */
    public List<AnnotationQuestion> questionsFor(AnnotationScope scope) {
        return questions.stream().filter(q -> q.scope() == scope).toList();
    }

    /** The question with this key. */
    public Optional<AnnotationQuestion> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
