package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade} with a device, a FIFO or a hostile answer: one line and a documented exit, never a hang (issue 10). */
class GradeHostileInputTest {
    @TempDir
    Path dir;

    @Test
    void devZeroAsAnswerAndAFifoAsTasksAreRefused() throws Exception {
        Cli.Result zero = Cli.run("grade", "--task-id", "bundled-math-01", "--answer", "/dev/zero");
        assertEquals(2, zero.exit());
        assertEquals("grade: cannot read answer file: answer file /dev/zero is not a regular file (a FIFO, socket or device)",
                zero.err().strip());
        Path fifo = dir.resolve("tasks.jsonl");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0);
        Path answer = Files.writeString(dir.resolve("a.txt"), "12");
        Cli.Result f = Cli.run("grade", "--tasks", fifo.toString(), "--task-id", "x", "--answer", answer.toString());
        assertEquals(2, f.exit());
        assertEquals(1, f.err().strip().lines().count(), f.err());
        assertTrue(f.err().contains("is not a regular file"), f.err());
    }

    @Test
    void aCodeAnswerReportsHowItRanAndAnEscapeDoesNotPass() throws Exception {
        Path answer = Files.writeString(dir.resolve("a.txt"), "```python\nimport os\ndef fib_plus_one(n):\n"
                + "    os.system('touch " + dir.resolve("escaped") + "')\n    return open('/etc/passwd').read()\n```");
        String id = new ObjectMapper().readTree(getClass().getResourceAsStream("/tasks/bundled.json")).findValues("task_id")
                .stream().map(JsonNode::asText).filter(t -> t.startsWith("bundled-code")).findFirst().orElseThrow();
        Cli.Result r = Cli.run("grade", "--task-id", id, "--answer", answer.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode last = new ObjectMapper().readTree(r.lastLine());
        assertEquals(false, last.get("correct").asBoolean());
        assertTrue(last.get("trusted").asBoolean());
        assertTrue(last.get("sandbox").asText().startsWith("bubblewrap"), last.toString());
        assertTrue(!Files.exists(dir.resolve("escaped")), "the answer ran a command outside the sandbox");
    }
}
