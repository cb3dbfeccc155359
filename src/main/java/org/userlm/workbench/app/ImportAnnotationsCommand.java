package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.storage.AnnotationFiles;
import org.userlm.workbench.storage.AnnotationRepository.ImportResult;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import-annotations}: merges JSONL exports of other annotators into a database without duplicates. */
@Command(name = "import-annotations", mixinStandardHelpOptions = true,
        description = "Import annotation files written by export-annotations (same id or same annotator/turn/question:"
                + " the newer answer wins).")
final class ImportAnnotationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSONL files from export-annotations")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteDatabase database = SqliteDatabase.open(db.resolved())) {
            SqliteAnnotationRepository repo = new SqliteAnnotationRepository(database);
            for (Path f : files) {
                List<Annotation> answers;
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    answers = AnnotationFiles.readJsonl(r);
                } catch (IOException e) {
                    return CliErrors.report(err, "import-annotations: " + f + ": " + e.getMessage(), e, 2);
                }
                ImportResult res = repo.importAll(answers);
                out.printf("{\"file\": \"%s\", \"inserted\": %d, \"updated\": %d, \"unchanged\": %d}%n",
                        f.getFileName().toString().replace("\"", ""), res.inserted(), res.updated(), res.unchanged());
            }
            out.flush();
            return 0;
        } catch (StorageException e) {
            return CliErrors.report(err, "import-annotations: " + e.getMessage(), e, 3);
        }
    }
}
