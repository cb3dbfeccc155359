package org.userlm.workbench.tasks;

import java.util.List;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;

/** Maps GSM8K and HumanEval JSONL records (unsharded sources: empty shard list). */
final class UnshardedRecords {
    private UnshardedRecords() {
    }

    /** GSM8K {@code {question, answer}}; the id is {@code gsm8k/<0-based line>}. */
    static Task gsm8k(RecordContext ctx, int lineIndex) throws TaskFormatException {
        String question = ctx.text("question");
        String answer = ctx.text("answer");
        if (!answer.contains("####")) {
            throw ctx.fieldError("answer", "must end with \"#### <number>\"");
        }
        return new Task("gsm8k/" + lineIndex, TaskKind.MATH, "gsm8k", Titles.of(question), question,
                List.of(), answer, null);
    }

    /** HumanEval {@code {task_id, prompt, entry_point, test, canonical_solution}}; question = the prompt. */
    static Task humanEval(RecordContext ctx) throws TaskFormatException {
        String id = ctx.text("task_id");
        String prompt = ctx.text("prompt");
        String entry = ctx.text("entry_point");
        String test = ctx.text("test");
        ctx.optText("canonical_solution");
        CodeSpec spec = new CodeSpec(entry, prompt, "", null, null, test, PythonImports.of(prompt));
        return new Task(id, TaskKind.CODE, "humaneval", id + ": " + entry, prompt, List.of(), null, spec);
    }
}
