package org.userlm.workbench.storage;

import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.AnnotationSchema;

/** Stores annotation schemas (one row per id, the latest version). Thread-safe. */
public interface AnnotationSchemaRepository {

    /** Inserts or replaces the schema with this id. Durable. */
    void save(AnnotationSchema schema);

    /** The schema with this id, or empty. */
    Optional<AnnotationSchema> find(String id);

    /** All schemas, by name. */
    List<AnnotationSchema> list();

    /** Stores the bundled default schema unless a schema with its id exists; returns the stored one. Durable. */
    default AnnotationSchema ensureDefault() {
        AnnotationSchema bundled = AnnotationSchemaJson.defaultSchema();
        return find(bundled.id()).orElseGet(() -> {
            save(bundled);
            return bundled;
        });
    }
}
