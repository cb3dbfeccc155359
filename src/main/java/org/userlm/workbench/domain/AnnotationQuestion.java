package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * One question of an annotation schema.
 *
 * @param key      stable identifier, stored with each answer (e.g. {@code human_like})
 * @param prompt   what the annotator reads
 * @param scope    which items it applies to
 * @param type     the kind of answer
 * @param options  labels in key order (the n-th is picked with key n); for {@code RATING} the scale values
 *                 ({@code "1".."5"}); for {@code YES_NO} {@code yes, no}; empty for {@code TEXT}
 * @param required whether an item counts as annotated only once this question has an answer
 */
public record AnnotationQuestion(String key, String prompt, AnnotationScope scope, QuestionType type,
                                 List<String> options, boolean required) {
    public AnnotationQuestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        prompt = prompt == null ? key : prompt;
        options = List.copyOf(options == null || options.isEmpty() ? defaultOptions(type) : options);
    }

    private static List<String> defaultOptions(QuestionType type) {
        return switch (type) {
            case RATING -> List.of("1", "2", "3", "4", "5");
            case YES_NO -> List.of("yes", "no");
            default -> List.of();
        };
    }

    /** True for the types whose options are ordered (ratings). */
    public boolean ordinal() {
        return type == QuestionType.RATING;
    }
}
