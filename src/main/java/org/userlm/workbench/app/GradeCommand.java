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
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.GradeResult;
import org.userlm.workbench.evaluation.Graders;
import org.userlm.workbench.evaluation.SandboxSettings;
import org.userlm.workbench.tasks.BundledTasks;
import org.userlm.workbench.tasks.InputFiles;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.tasks.TaskFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grade}: grades an answer file against one task and prints {@code {"correct": ..., "detail": ...}}
 * as the last line. Exit 0 whether or not the answer is correct; 2 for bad input.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade an answer against a task; the last output line is {\"correct\": ..., \"detail\": ...}.")
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

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
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
        GradeResult result = allowUnsandboxed
                ? Graders.forTask(task.get(), SandboxSettings.defaults().withAllowUnsandboxed(true))
                .map(g -> g.grade(task.get(), answer)).orElseGet(() -> Graders.grade(task.get(), answer))
                : Graders.grade(task.get(), answer);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("correct", result.correct());
        json.put("detail", result.detail());
        json.put("trusted", result.trusted());
        json.put("sandbox", result.sandbox());
        PrintWriter out = spec.commandLine().getOut();
        out.println(MAPPER.writeValueAsString(json));
        out.flush();
        return 0;
    }
}
