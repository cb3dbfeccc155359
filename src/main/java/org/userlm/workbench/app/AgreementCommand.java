package org.userlm.workbench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.evaluation.agreement.AgreementCalculator;
import org.userlm.workbench.evaluation.agreement.AgreementResult;
import org.userlm.workbench.storage.AnnotationSchemaJson;
import org.userlm.workbench.storage.AnnotationSchemaRepository;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agreement}: inter-annotator agreement per question, one JSON object a line. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Print inter-annotator agreement per question (Cohen's kappa, Krippendorff's alpha) as "
                + "JSON Lines: question, items, annotators, cohen_kappa, alpha_nominal, alpha_ordinal, alpha_interval.")
final class AgreementCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Option(names = "--question", paramLabel = "NAME",
            description = "only this question key (a multi-label key gives all its tags; key:tag gives one)")
    String question;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path file = db.existing("agreement", err);
        if (file == null) {
            return 3;
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            List<Annotation> answers = new SqliteAnnotationRepository(database).all(null);
            AnnotationSchema schema = combinedSchema(new SqliteAnnotationSchemaRepository(database), answers);
            List<AgreementResult> results = AgreementCalculator.compute(answers, schema, question);
            if (results.isEmpty()) {
                err.println("agreement: no answers" + (question == null ? "" : " to question " + question));
                return 1;
            }
            for (AgreementResult r : results) {
                out.println(JSON.writeValueAsString(toJson(r)));
            }
            out.flush();
            return 0;
        } catch (StorageException | IOException e) {
            return CliErrors.report(err, "agreement: " + e.getMessage(), e, 3);
        }
    }

    /**
     * The questions of every schema the answers name (the first definition of a key wins), then those of the
     * default schema, so answers imported without a schema id still get ordinal figures for known ratings.
     */
    private static AnnotationSchema combinedSchema(AnnotationSchemaRepository schemas, List<Annotation> answers) {
        Map<String, AnnotationQuestion> questions = new LinkedHashMap<>();
        answers.stream().map(Annotation::schemaId).filter(Objects::nonNull).distinct()
                .forEach(id -> schemas.find(id).ifPresent(s ->
                        s.questions().forEach(q -> questions.putIfAbsent(q.key(), q))));
        AnnotationSchema bundled = AnnotationSchemaJson.defaultSchema();
        schemas.find(bundled.id()).orElse(bundled).questions().forEach(q -> questions.putIfAbsent(q.key(), q));
        return new AnnotationSchema("combined", "combined", 1, new ArrayList<>(questions.values()));
    }

    static ObjectNode toJson(AgreementResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("question", r.question());
        o.put("items", r.items());
        r.annotators().forEach(o.putArray("annotators")::add);
        o.put("cohen_kappa", r.cohenKappa());
        o.put("alpha_nominal", r.alphaNominal());
        o.put("alpha_ordinal", r.alphaOrdinal());
        o.put("alpha_interval", r.alphaInterval());
        return o;
    }
}
