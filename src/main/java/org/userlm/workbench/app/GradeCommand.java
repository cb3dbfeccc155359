package org.userlm.workbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.evaluation.GradeResult;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.evaluation.Graders;
import org.userlm.workbench.evaluation.SandboxSettings;
import org.userlm.workbench.evaluation.judge.JudgePrompts;
import org.userlm.workbench.evaluation.judge.TurnJudge;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.openai.OpenAiCompatibleClient;
import org.userlm.workbench.tasks.BundledTasks;
import org.userlm.workbench.tasks.InputFiles;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.tasks.TaskFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grade}: grades an answer file against one task and prints
 * {@code {"correct": ..., "detail": ..., "grader": ..., "extracted": ...}} as the last line. Exit 0 whether or not the
 * answer is correct; 2 for bad input; 3 when the judge cannot be used (unreachable, unreadable replies).
 *
 * <p>With {@code --grader lic} and no judge, a math answer file is taken to hold the already-extracted answer (LiC
 * extracts math answers with a model; {@code --judge-url/--judge-model} do that step) and code is extracted as LiC
 * extracts it.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade an answer against a task; the last output line is "
                + "{\"correct\": ..., \"detail\": ..., \"grader\": ..., \"extracted\": ...}.")
final class GradeCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    /** Largest answer file accepted (16 MB). */
    static final long MAX_ANSWER_BYTES = 16L << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "FILE",
            description = "Task file (LiC JSON, GSM8K/HumanEval JSONL, .jsonl.gz). Default: the bundled set.")
    Path tasksFile;

    @Option(names = "--task-id", required = true, paramLabel = "ID", description = "Id of the task to grade.")
    String taskId;

    @Option(names = "--answer", required = true, paramLabel = "FILE", description = "File holding the answer text.")
    Path answerFile;

    @Option(names = "--allow-unsandboxed",
            description = "Run code answers without a sandbox when none is available (recorded in the result). "
                    + "Without it, code is not graded where bubblewrap is missing.")
    boolean allowUnsandboxed;

    @Option(names = "--grader", defaultValue = "lic", paramLabel = "lic|strict",
            description = "lic: Lost in Conversation's evaluator, quirks included; strict: ours (docs/grading.md). "
                    + "Default: ${DEFAULT-VALUE}.")
    String grader;

    @Option(names = "--judge-url", paramLabel = "URL",
            description = "OpenAI-compatible base URL of a judge model that extracts the math answer first (LiC's "
                    + "extraction step)")
    String judgeUrl;

    @Option(names = "--judge-model", paramLabel = "NAME", description = "the judge's model name")
    String judgeModel;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR", description = "environment variable with the judge's key")
    String judgeApiKeyEnv;

    static final int JUDGE_FAILED = 3;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        GraderMode mode;
        try {
            mode = GraderMode.fromWire(grader);
        } catch (IllegalArgumentException e) {
            err.println("grade: --" + e.getMessage());
            return BAD_INPUT;
        }
        if ((judgeUrl == null) != (judgeModel == null)) {
            err.println("grade: give both --judge-url and --judge-model, or neither");
            return BAD_INPUT;
        }
        List<Task> tasks;
        try {
            tasks = tasksFile == null ? BundledTasks.load() : TaskFiles.load(tasksFile);
        } catch (TaskFormatException e) {
            err.println("grade: " + e.getMessage());
            return BAD_INPUT;
        }
        Optional<Task> task = tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
        if (task.isEmpty()) {
            err.println("grade: unknown task id \"" + taskId + "\" in "
                    + (tasksFile == null ? "the bundled tasks" : tasksFile) + " (" + tasks.size() + " tasks)");
            return BAD_INPUT;
        }
        String answer;
        try {
            answer = InputFiles.utf8(String.valueOf(answerFile), InputFiles.read(answerFile, "answer file", MAX_ANSWER_BYTES));
        } catch (IOException e) {
            err.println("grade: cannot read answer file: " + e.getMessage());
            return BAD_INPUT;
        }
        String graded = answer;
        String judged = "";
        if (judgeUrl != null && task.get().kind() == TaskKind.MATH) {
            BackendSettings b = new BackendSettings(BackendKind.OPENAI_CHAT, judgeUrl, judgeModel, judgeApiKeyEnv,
                    null, 120, null, null, false);
            try (OpenAiCompatibleClient client = new OpenAiCompatibleClient(b)) {
                graded = new TurnJudge(client).extract(task.get(), answer);
                judged = "judge " + judgeModel + " (" + JudgePrompts.VERSION + ") extracted \"" + graded + "\"; ";
            } catch (InferenceException | IllegalArgumentException e) {
                err.println("grade: the judge failed: " + e.getMessage());
                return JUDGE_FAILED;
            }
        }
        String toGrade = graded;
        GradeResult result = allowUnsandboxed
                ? Graders.forTask(task.get(), SandboxSettings.defaults().withAllowUnsandboxed(true), mode)
                .map(g -> g.grade(task.get(), toGrade).withMode(mode))
                .orElseGet(() -> Graders.grade(task.get(), toGrade, mode))
                : Graders.grade(task.get(), graded, mode);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("correct", result.correct());
        json.put("detail", judged + result.detail());
        json.put("grader", mode.wire());
        json.put("trusted", result.trusted());
        json.put("sandbox", result.sandbox());
        if (result.extracted() == null) {
            json.putNull("extracted");
        } else {
            json.put("extracted", result.extracted());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(MAPPER.writeValueAsString(json));
        out.flush();
        return 0;
    }
}
