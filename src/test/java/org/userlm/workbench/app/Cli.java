package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the real CLI in-process and captures what it prints. */
final class Cli {
    record Result(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A small LiC-format task file written by the test (our own problems). */
    static Path tasksFile(Path dir) throws IOException {
        Path f = dir.resolve("tasks.json");
        Files.writeString(f, """
                [
                 {"task_id": "t-math-1", "task": "math",
                  "question": "Tom has 3 boxes of 4 apples. How many apples does he have?",
                  "answer": "3*4=<<3*4=12>>12\\n#### 12",
                  "shards": [{"shard_id": 1, "shard": "how many apples does Tom have?"},
                             {"shard_id": 2, "shard": "he has 3 boxes"},
                             {"shard_id": 3, "shard": "each box holds 4 apples"}]},
                 {"task_id": "t-math-2", "task": "math",
                  "question": "A pen costs 2 dollars. How much do 5 pens cost?",
                  "answer": "5*2=<<5*2=10>>10\\n#### 10",
                  "shards": [{"shard_id": 1, "shard": "what do the pens cost?"},
                             {"shard_id": 2, "shard": "a pen costs 2 dollars"},
                             {"shard_id": 3, "shard": "I buy 5 pens"}]}
                ]
                """);
        return f;
    }
}
