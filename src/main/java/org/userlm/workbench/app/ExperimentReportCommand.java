package org.userlm.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.evaluation.experiment.ReportCsv;
import org.userlm.workbench.evaluation.experiment.ReportHtml;
import org.userlm.workbench.evaluation.experiment.ReportJson;
import org.userlm.workbench.simulation.experiment.ExperimentReporter;
import org.userlm.workbench.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code experiment report --id ID [--db FILE] [--json] [--csv FILE] [--html FILE]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Every metric per cell with 95% intervals, paired differences; CSV and HTML exports.")
final class ExperimentReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID")
    String id;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "print the report as one JSON line (last line)")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the cells x metrics table as CSV")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "write a self-contained HTML report")
    Path html;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ExperimentReport r;
        try (AppContext ctx = AppContext.open(db.given())) {
            r = new ExperimentReporter(ctx.experiments(), ctx.tasks(), ctx.judgeCache(), ctx).report(id);
        } catch (IllegalArgumentException e) {
            err.println("experiment report: " + e.getMessage());
            return 2;
        } catch (StorageException e) {
            err.println("experiment report: " + e.getMessage());
            return 3;
        }
        try {
            if (csv != null) {
                Files.writeString(csv, ReportCsv.write(r));
                out.println("wrote " + csv);
            }
            if (html != null) {
                Files.writeString(html, ReportHtml.write(r));
                out.println("wrote " + html);
            }
        } catch (IOException e) {
            err.println("experiment report: cannot write: " + e.getMessage());
            return 3;
        }
        if (json) {
            out.println(ReportJson.line(r));
        } else {
            for (ExperimentReport.Cell c : r.cells()) {
                out.printf(Locale.ROOT, "%s × %s\t%d conversations\tsuccess %s\tfailed %.0f%n", c.cell().simulator(),
                        c.cell().assistant(), c.result().conversations(), c.result().success().percent(),
                        c.result().metrics().getOrDefault("failed", 0.0));
            }
            for (ExperimentReport.Paired p : r.paired()) {
                out.printf(Locale.ROOT, "%s: %s − %s = %+.3f [%+.3f, %+.3f] over %d pairs, p = %.4f%n", p.assistant(),
                        p.a(), p.b(), p.difference().estimate(), p.difference().lower(), p.difference().upper(),
                        p.pairs(), p.pValue());
            }
            out.println("definitions: experiment report --json (\"definitions\") or --html");
        }
        out.flush();
        return 0;
    }
}
