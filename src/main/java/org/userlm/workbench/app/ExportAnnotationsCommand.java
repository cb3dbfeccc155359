package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.userlm.workbench.storage.AnnotationFiles;
import org.userlm.workbench.storage.AnnotationRow;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export-annotations}: answers joined with their turns, as JSON Lines (importable) or CSV. */
@Command(name = "export-annotations", mixinStandardHelpOptions = true,
        description = "Export annotations joined with their turns (JSONL, importable with import-annotations; or CSV).")
final class ExportAnnotationsCommand implements Callable<Integer> {
    enum Format { JSONL, CSV }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "file to write ('-': stdout)")
    String out;

    @Option(names = "--format", description = "jsonl (default) or csv")
    Format format = Format.JSONL;

    @Option(names = "--annotator", paramLabel = "NAME", description = "only this annotator's answers")
    String annotator;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path file = db.existing("export-annotations", err);
        if (file == null) {
            return 3;
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            List<AnnotationRow> rows = new SqliteAnnotationRepository(database).exportRows(annotator);
            if (out.equals("-")) {
                write(rows, spec.commandLine().getOut());
            } else {
                try (Writer w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                    write(rows, w);
                }
                err.println("export-annotations: " + rows.size() + " answer(s) written to " + out);
            }
            return 0;
        } catch (StorageException | IOException e) {
            return CliErrors.report(err, "export-annotations: " + e.getMessage(), e, 3);
        }
    }

    private void write(List<AnnotationRow> rows, Writer w) throws IOException {
        if (format == Format.CSV) {
            AnnotationFiles.writeCsv(rows, w);
        } else {
            AnnotationFiles.writeJsonl(rows, w);
        }
    }
}
