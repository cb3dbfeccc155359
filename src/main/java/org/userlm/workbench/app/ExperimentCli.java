package org.userlm.workbench.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.simulation.experiment.ExperimentHandle;
import org.userlm.workbench.simulation.experiment.ExperimentListener;
import org.userlm.workbench.simulation.experiment.ExperimentPlan;
import org.userlm.workbench.simulation.experiment.ExperimentProgress;
import org.userlm.workbench.simulation.experiment.ExperimentReporter;
import org.userlm.workbench.simulation.experiment.ExperimentRunner;

/** Runs an experiment plan from the command line: progress lines, Ctrl+C cancels cleanly, the final JSON line. */
final class ExperimentCli {
    private ExperimentCli() {
    }

    static int run(AppContext ctx, ExperimentPlan plan, boolean resume, PrintWriter out, PrintWriter err) {
        ctx.tasks().upsert(List.copyOf(plan.tasks().values()));
        long[] lastPrint = {0};
        ExperimentListener printer = new ExperimentListener() {
            @Override
            public void onSlotFinished(ExperimentSlot slot, ExperimentProgress p) {
                if (slot.status() == SlotStatus.FAILED) {
                    err.println("experiment: failed " + slot.taskId() + " run " + slot.run() + " (cell " + slot.cell()
                            + "): " + slot.error());
                }
                synchronized (lastPrint) {
                    long now = System.currentTimeMillis();
                    if (now - lastPrint[0] >= 1000) {
                        lastPrint[0] = now;
                        out.println("progress: " + p.line());
                        out.flush();
                    }
                }
            }
        };
        out.println("experiment " + plan.experimentId() + " \"" + plan.config().name() + "\": "
                + plan.tasks().size() + " tasks, " + plan.cells().size() + " cells, " + plan.config().runs()
                + " runs" + (plan.shard().count() > 1 ? ", shard " + plan.shard().index() + "/" + plan.shard().count()
                : ""));
        out.flush();
        ExperimentHandle h = new ExperimentRunner(ctx.conversations(), ctx.experiments(), ctx)
                .start(plan, resume, printer);
        Thread hook = new Thread(() -> {
            h.cancel();
            try {
                h.done().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                // exiting anyway; resume picks up what is missing
            }
        }, "experiment-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ExperimentProgress last;
        try {
            last = h.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        } catch (ExecutionException e) {
            err.println("experiment: " + e.getCause().getMessage());
            return 3;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        out.println("progress: " + last.line());
        long t0 = System.nanoTime();
        try {
            new ExperimentReporter(ctx.experiments(), ctx.tasks(),
                    ctx.judgeCache(), ctx).report(plan.experimentId());
            out.printf(Locale.ROOT, "results computed in %d ms (experiment report --id %s)%n",
                    (System.nanoTime() - t0) / 1_000_000, plan.experimentId());
        } catch (RuntimeException e) {
            err.println("experiment: the results could not be computed now (" + e.getMessage() + "); "
                    + "experiment report computes them later");
        }
        long done = ctx.experiments().slots(plan.experimentId()).stream()
                .filter(s -> s.status() == SlotStatus.DONE).count();
        long failed = ctx.experiments().slots(plan.experimentId()).stream()
                .filter(s -> s.status() == SlotStatus.FAILED).count();
        out.println("{\"experiment\": \"" + plan.experimentId() + "\", \"conversations\": " + done
                + ", \"failed\": " + failed + "}");
        out.flush();
        return last.state() == ExperimentProgress.State.CANCELLED ? 4 : 0;
    }
}
