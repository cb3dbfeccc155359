package org.userlm.workbench.evaluation.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.QuestionType;
import org.userlm.workbench.storage.AnnotationValues;

/**
 * Agreement per question from stored answers. An item is one turn (or one conversation for conversation-level
 * questions). Single-choice, yes/no and rating answers are labels; a multi-label question gives one yes/no
 * figure per tag ({@code key:tag}); free text is skipped. Ratings also get ordinal and interval alpha.
 * Questions missing from the schema are treated by their values (arrays as tags, the rest as labels). Pure.
 */
public final class AgreementCalculator {

    private AgreementCalculator() {
    }

    /**
     * Computes the figures.
     *
     * @param answers  stored answers (cleared ones are ignored)
     * @param schema   the schema that defines question types, or null
     * @param question only this question key (or {@code key:tag}), or null for all
     */
    public static List<AgreementResult> compute(List<Annotation> answers, AnnotationSchema schema, String question) {
        Map<String, List<Annotation>> byQuestion = new TreeMap<>();
        for (Annotation a : answers) {
            if (!a.cleared()) {
                byQuestion.computeIfAbsent(a.questionKey(), k -> new ArrayList<>()).add(a);
            }
        }
        List<AgreementResult> out = new ArrayList<>();
        for (Map.Entry<String, List<Annotation>> e : byQuestion.entrySet()) {
            AnnotationQuestion q = schema == null ? null : schema.question(e.getKey()).orElse(null);
            QuestionType type = q != null ? q.type() : inferType(e.getValue());
            if (type == QuestionType.TEXT) {
                continue;
            }
            if (type == QuestionType.MULTI_LABEL) {
                for (String tag : tags(q, e.getValue())) {
                    String name = e.getKey() + ":" + tag;
                    if (question == null || question.equals(name) || question.equals(e.getKey())) {
                        out.add(figures(name, tagUnits(e.getValue(), tag), false));
                    }
                }
            } else if (question == null || question.equals(e.getKey())) {
                out.add(figures(e.getKey(), labelUnits(e.getValue()), type == QuestionType.RATING));
            }
        }
        return out;
    }

    private static QuestionType inferType(List<Annotation> answers) {
        boolean arrays = answers.stream().anyMatch(a -> a.valueJson().trim().startsWith("["));
        return arrays ? QuestionType.MULTI_LABEL : QuestionType.SINGLE_CHOICE;
    }

    private static Set<String> tags(AnnotationQuestion q, List<Annotation> answers) {
        Set<String> tags = new LinkedHashSet<>(q == null ? List.of() : q.options());
        answers.forEach(a -> tags.addAll(AnnotationValues.tags(a.valueJson())));
        return tags;
    }

    /** item -> (annotator -> label), items in a stable order. */
    private static Map<String, Map<String, String>> labelUnits(List<Annotation> answers) {
        Map<String, Map<String, String>> units = new TreeMap<>();
        for (Annotation a : answers) {
            AnnotationValues.label(a.valueJson()).ifPresent(v ->
                    units.computeIfAbsent(item(a), k -> new TreeMap<>()).put(a.annotator(), v));
        }
        return units;
    }

    private static Map<String, Map<String, String>> tagUnits(List<Annotation> answers, String tag) {
        Map<String, Map<String, String>> units = new TreeMap<>();
        for (Annotation a : answers) {
            if (a.valueJson().trim().startsWith("[")) {
                String v = AnnotationValues.tags(a.valueJson()).contains(tag) ? "yes" : "no";
                units.computeIfAbsent(item(a), k -> new TreeMap<>()).put(a.annotator(), v);
            }
        }
        return units;
    }

    private static String item(Annotation a) {
        return a.conversationId() + "#" + a.turnIndex();
    }

    /** The figures for one question from item -> (annotator -> label). */
    static AgreementResult figures(String name, Map<String, Map<String, String>> units, boolean ordinal) {
        Set<String> annotators = new TreeSet<>();
        List<List<String>> values = new ArrayList<>();
        for (Map<String, String> u : units.values()) {
            annotators.addAll(u.keySet());
            values.add(new ArrayList<>(u.values()));
        }
        KrippendorffAlpha.Result nominal = KrippendorffAlpha.compute(values, KrippendorffAlpha.Metric.NOMINAL);
        Double kappa = null;
        if (annotators.size() == 2) {
            List<String> two = new ArrayList<>(annotators);
            List<CohenKappa.Pair> pairs = new ArrayList<>();
            for (Map<String, String> u : units.values()) {
                if (u.containsKey(two.get(0)) && u.containsKey(two.get(1))) {
                    pairs.add(new CohenKappa.Pair(u.get(two.get(0)), u.get(two.get(1))));
                }
            }
            kappa = orNull(CohenKappa.compute(pairs).kappa());
        }
        Double ordinalAlpha = null;
        Double interval = null;
        if (ordinal) {
            ordinalAlpha = orNull(KrippendorffAlpha.compute(values, KrippendorffAlpha.Metric.ORDINAL).alpha());
            interval = orNull(KrippendorffAlpha.compute(values, KrippendorffAlpha.Metric.INTERVAL).alpha());
        }
        return new AgreementResult(name, nominal.units(), List.copyOf(annotators), kappa, orNull(nominal.alpha()),
                ordinalAlpha, interval);
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }

}
