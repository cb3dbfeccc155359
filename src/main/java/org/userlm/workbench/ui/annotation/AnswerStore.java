package org.userlm.workbench.ui.annotation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationSchema;

/**
 * The annotator's answers for the conversations of a queue, in memory, mirroring what is stored. Owned by the
 * FX thread (or the caller's thread in tests); the repository is only called from the io executor.
 */
final class AnswerStore {
    /** One answer slot. */
    record Key(String conversationId, int turnIndex, String question) {
    }

    private final Map<Key, String> values = new HashMap<>();
    private final Map<Key, String> ids = new HashMap<>();

    void load(List<Annotation> stored) {
        for (Annotation a : stored) {
            Key k = new Key(a.conversationId(), a.turnIndex(), a.questionKey());
            values.put(k, a.valueJson());
            ids.put(k, a.id());
        }
    }

    void clear() {
        values.clear();
        ids.clear();
    }

    String value(Key k) {
        return values.get(k);
    }

    /** Sets the value in memory and returns the annotation to store (same id for the same slot). */
    Annotation put(Key k, String valueJson, String schemaId, String annotator, long now) {
        if (valueJson == null) {
            values.remove(k);
        } else {
            values.put(k, valueJson);
        }
        String id = ids.computeIfAbsent(k, x -> UUID.randomUUID().toString());
        return new Annotation(id, schemaId, annotator, k.conversationId(), k.turnIndex(), k.question(), valueJson, now);
    }

    /** True when every required question of the item's scope has an answer. */
    boolean complete(WorkItem item, AnnotationSchema schema) {
        List<AnnotationQuestion> qs = schema.questionsFor(item.scope());
        for (AnnotationQuestion q : qs) {
            if (q.required() && values.get(new Key(item.conversationId(), item.turnIndex(), q.key())) == null) {
                return false;
            }
        }
        return true;
    }
}
