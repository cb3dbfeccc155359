package org.userlm.workbench.ui.experiments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.simulation.experiment.ExperimentConfigs;
import org.userlm.workbench.simulation.experiment.ExperimentHandle;
import org.userlm.workbench.simulation.experiment.ExperimentListener;
import org.userlm.workbench.simulation.experiment.ExperimentPlan;
import org.userlm.workbench.simulation.experiment.ExperimentProgress;
import org.userlm.workbench.simulation.experiment.ExperimentReporter;
import org.userlm.workbench.simulation.experiment.ExperimentRunner;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.WorkbenchServices;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * The Experiments workspace: define (a {@link DefineForm}), run, watch, pause/resume/cancel, and the results of the
 * selected experiment. Storage and computation run on the background executor; the view polls {@link #pulse()} a
 * few times a second on the FX thread (no hand-off per conversation).
 */
public final class ExperimentsViewModel {
    final DefineForm form = new DefineForm();
    final ObservableList<Task> allTasks = FXCollections.observableArrayList();
    final ObservableList<Experiment> experiments = FXCollections.observableArrayList();
    final ObjectProperty<Experiment> selected = new SimpleObjectProperty<>();
    final ObjectProperty<ExperimentProgress> progress = new SimpleObjectProperty<>();
    final ObjectProperty<ExperimentReport> report = new SimpleObjectProperty<>();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty running = new SimpleBooleanProperty();
    final BooleanProperty paused = new SimpleBooleanProperty();
    final ObservableList<CellRow> cells = FXCollections.observableArrayList();
    private volatile Map<Integer, ExperimentCell> cellNames = Map.of();
    /** The experiment whose cells the table shows (the running one, or the one whose report is shown). */
    private volatile String cellsOf;
    /** Milliseconds the last dashboard took from request to display-ready report. */
    volatile long lastReportMillis = -1;

    private final WorkbenchServices services;
    private final TaskExecutor bg;
    private final Supplier<List<BackendProfile>> profiles;
    private volatile ExperimentHandle handle;

    public ExperimentsViewModel(WorkbenchServices services, TaskExecutor bg, Supplier<List<BackendProfile>> profiles) {
        this.services = services;
        this.bg = bg;
        this.profiles = profiles;
    }

    List<BackendProfile> profiles() {
        return DefineForm.offered(profiles.get());
    }

    /** Loads the task list and the stored experiments. */
    public void load() {
        bg.run("loading tasks", () -> services.tasks().all(), allTasks::setAll,
                e -> message.set(Messages.shortMessage(e)));
        refresh();
    }

    /** Reloads the stored experiments (keeps the selection by id). */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().id();
        bg.run("listing experiments", () -> services.experiments().list().stream()
                .map(e -> ExperimentRunner.effective(services.experiments(), e)).toList(), list -> {
            experiments.setAll(list);
            list.stream().filter(e -> e.id().equals(keep)).findFirst().ifPresent(selected::set);
            if (keep == null && !running.get()) {
                // After a crash or kill -9: offer the interrupted experiment at once.
                long now = System.currentTimeMillis();
                list.stream().filter(e -> e.statusAt(now) == Experiment.Status.INTERRUPTED).findFirst()
                        .ifPresent(e -> {
                            selected.set(e);
                            message.set("\"" + e.name() + "\" was interrupted: Resume selected runs what is "
                                    + "missing");
                        });
            }
        }, e -> message.set(Messages.shortMessage(e)));
    }

    /** Runs the defined experiment (the same config again resumes it). */
    public void run() {
        if (running.get()) {
            return;
        }
        String json = form.toJson();
        Map<String, Task> tasks = new LinkedHashMap<>();
        form.tasks.forEach(t -> tasks.put(t.id(), t));
        ExperimentPlan plan;
        try {
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("pick at least one task");
            }
            plan = ExperimentPlan.stored(ExperimentConfigs.experimentId(json), json, tasks);
        } catch (IllegalArgumentException e) {
            message.set("Cannot run: " + e.getMessage());
            return;
        }
        start(plan, false);
    }

    /** Resumes the selected stored experiment (runs what is missing). */
    public void resumeSelected() {
        Experiment e = selected.get();
        if (e == null || running.get()) {
            return;
        }
        running.set(true);
        bg.run(() -> {
            List<ExperimentSlot> slots = services.experiments().slots(e.id());
            return ExperimentPlan.stored(e.id(), e.configJson(), new TreeMap<>(reporter().tasksOf(slots)));
        }, plan -> {
            running.set(false);
            start(plan, true);
        }, err -> {
            running.set(false);
            message.set("Cannot resume: " + Messages.shortMessage(err));
        });
    }

    private void start(ExperimentPlan plan, boolean resume) {
        Map<Integer, ExperimentCell> names = new HashMap<>();
        plan.cells().forEach(c -> names.put(c.index(), c));
        cellNames = names;
        cellsOf = plan.experimentId();
        running.set(true);
        paused.set(false);
        report.set(null);
        message.set("Running " + plan.experimentId());
        handle = new ExperimentRunner(services.conversations(), services.experiments(), services)
                .start(plan, resume, ExperimentListener.NONE);
        handle.done().whenComplete((p, err) -> bg.run(() -> p, last -> {
            running.set(false);
            paused.set(false);
            progress.set(last);
            message.set(err != null ? "Stopped: " + Messages.shortMessage(err) : last.state()
                    == ExperimentProgress.State.CANCELLED ? "Cancelled: resume runs what is missing" : "Done");
            refresh();
            selectAndReport(plan.experimentId());
        }, e -> message.set(Messages.shortMessage(e))));
        refresh();
        selectAndReport(plan.experimentId());
    }

    private void selectAndReport(String id) {
        bg.run(() -> services.experiments().find(id).orElse(null), e -> {
            if (e != null) {
                selected.set(e);
                loadReport();
            }
        }, e -> message.set(Messages.shortMessage(e)));
    }

    /** Reads the running experiment's progress (FX thread, a few times a second). */
    public void pulse() {
        ExperimentHandle h = handle;
        if (h != null && running.get()) {
            ExperimentProgress p = h.progress();
            if (p != null) {
                progress.set(p);
                cells.setAll(CellRow.live(p, cellNames));
            }
        }
    }

    public void pause() {
        ExperimentHandle h = handle;
        if (h != null && running.get()) {
            paused.set(true);
            bg.run(() -> {
                h.pause();
                return null;
            }, x -> refresh(), e -> message.set(Messages.shortMessage(e)));
        }
    }

    public void resume() {
        ExperimentHandle h = handle;
        if (h != null && running.get()) {
            paused.set(false);
            bg.run(() -> {
                h.resume();
                return null;
            }, x -> refresh(), e -> message.set(Messages.shortMessage(e)));
        }
    }

    public void cancel() {
        ExperimentHandle h = handle;
        if (h != null) {
            h.cancel();
        }
    }

    /** Computes the selected experiment's report in the background. */
    public void loadReport() {
        Experiment e = selected.get();
        if (e == null) {
            return;
        }
        long t0 = System.nanoTime();
        bg.run(() -> reporter().report(e.id()), r -> {
            lastReportMillis = (System.nanoTime() - t0) / 1_000_000;
            report.set(r);
            if (!running.get()) {
                cellsOf = r.experimentId();
                cells.setAll(CellRow.of(r));
            }
        }, err -> message.set("Cannot compute the report: " + Messages.shortMessage(err)));
    }

    /** The slots of one cell of the selected experiment, for the conversations list. */
    public void slotsOfCell(int cell, Consumer<List<ExperimentSlot>> onDone) {
        String id = cellsOf;
        if (id == null) {
            return;
        }
        bg.run(() -> {
            List<ExperimentSlot> out = new ArrayList<>();
            for (ExperimentSlot s : services.experiments().slots(id)) {
                if (s.cell() == cell) {
                    out.add(s);
                }
            }
            return out;
        }, onDone, err -> message.set(Messages.shortMessage(err)));
    }

    private ExperimentReporter reporter() {
        return new ExperimentReporter(services.experiments(), services.tasks(), services.judgeCache(), services);
    }

    /** Stops a running experiment when the window closes (resume later). */
    public void stop() {
        cancel();
    }
}
