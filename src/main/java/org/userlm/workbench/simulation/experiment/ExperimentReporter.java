package org.userlm.workbench.simulation.experiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentConfig;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.evaluation.experiment.ExperimentReports;
import org.userlm.workbench.evaluation.experiment.HeuristicJudge;
import org.userlm.workbench.evaluation.experiment.ModelJudge;
import org.userlm.workbench.evaluation.experiment.ReportCodec;
import org.userlm.workbench.evaluation.experiment.TurnJudge;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.storage.ExperimentRepository;
import org.userlm.workbench.storage.JudgeCache;
import org.userlm.workbench.storage.TaskRepository;

/**
 * Loads a stored experiment and computes its report (blocking: call it off the FX thread). With a judge in the config
 * the adherence and coverage metrics ask it (cached); without one, or when it cannot be opened, the heuristics.
 * The report is cached in the database while the experiment's slots do not change, so reopening a finished
 * experiment's dashboard reads one row instead of recomputing every metric.
 */
public final class ExperimentReporter {
    private final ExperimentRepository experiments;
    private final TaskRepository tasks;
    private final JudgeCache cache;
    private final ModelProvider models;

    public ExperimentReporter(ExperimentRepository experiments, TaskRepository tasks, JudgeCache cache,
                              ModelProvider models) {
        this.experiments = experiments;
        this.tasks = tasks;
        this.cache = cache;
        this.models = models;
    }

    /**
     * The report of an experiment.
     *
     * @throws IllegalArgumentException when there is no such experiment
     */
    public ExperimentReport report(String experimentId) {
        Experiment e = experiments.find(experimentId)
                .orElseThrow(() -> new IllegalArgumentException("no experiment with id " + experimentId));
        ExperimentConfig config = ExperimentConfigs.parse(e.configJson());
        String fingerprint = ReportCodec.VERSION + "|" + (config.judge() == null ? "heuristic" : "judge:"
                + config.judge().model()) + "|" + experiments.fingerprint(experimentId);
        ExperimentReport cached = experiments.cachedReport(experimentId, fingerprint).map(ReportCodec::read)
                .orElse(null);
        if (cached != null) {
            return cached;
        }
        ExperimentReport fresh = compute(experimentId, e, config);
        experiments.cacheReport(experimentId, fingerprint, ReportCodec.write(fresh));
        return fresh;
    }

    private ExperimentReport compute(String experimentId, Experiment e, ExperimentConfig config) {
        List<ExperimentSlot> slots = experiments.slots(experimentId);
        ChatModel judgeModel = null;
        TurnJudge judge = HeuristicJudge.create();
        if (config.judge() != null) {
            try {
                judgeModel = models.open(BackendSettings.openAiChat(config.judge().url(), config.judge().model()));
                judge = new ModelJudge(judgeModel, config.judge().model(), cache);
            } catch (InferenceException ex) {
                judge = HeuristicJudge.create();
            }
        }
        try {
            return ExperimentReports.build(experimentId, e.name(), experiments.cells(experimentId),
                    config.assistants().size(), slots, experiments.conversations(experimentId), tasksOf(slots),
                    judge, config.seed());
        } finally {
            if (judgeModel != null) {
                judgeModel.close();
            }
        }
    }

    /** The stored tasks the slots refer to. */
    public Map<String, Task> tasksOf(List<ExperimentSlot> slots) {
        Set<String> ids = new HashSet<>();
        slots.forEach(s -> ids.add(s.taskId()));
        Map<String, Task> out = new HashMap<>();
        for (Task t : tasks.all()) {
            if (ids.contains(t.id())) {
                out.put(t.id(), t);
            }
        }
        return out;
    }
}
