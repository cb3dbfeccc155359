package org.userlm.workbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two scripted servers that play an experiment deterministically: the user server answers for three simulator
 * models ({@code ulm}: userlm, ends on its second turn; {@code pu}: prompted; {@code sh}: sharded JSON), the assistant
 * server for two assistant models ({@code asst-a}, {@code asst-b}). Tasks are "What is N plus 7?" (gold N + 7).
 * The assistant answers wrong when {@code (N + turns + model) % 3 == 0}, refuses (HTTP 400, not retried) the prompted
 * user's task 13, and answers HTTP 429 once to every fifth distinct request (retried).
 */
public final class ExperimentFixture implements AutoCloseable {
    private static final Pattern QUESTION = Pattern.compile("[Ww]hat is (\\d+) plus 7");
    public final ScriptedOpenAiServer users = ScriptedOpenAiServer.start();
    public final ScriptedOpenAiServer assistants = ScriptedOpenAiServer.start();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public ExperimentFixture(int delayMillis) {
        users.respondWith(req -> {
            String all = req.body().toString();
            Matcher m = QUESTION.matcher(all);
            String n = m.find() ? m.group(1) : "0";
            long userTurns = req.messages().stream().filter(x -> x.role().wire().equals(
                    req.model().equals("pu") ? "assistant" : "user")).count();
            return switch (req.model()) {
                case "ulm" -> Reply.text(userTurns == 0 ? "what is " + n + " plus 7? please help me"
                        : "<|endconversation|>").delayMillis(delayMillis);
                case "pu" -> Reply.text("Hi, what is " + n + " plus 7? I need the sum").delayMillis(delayMillis);
                default -> Reply.text("{\"response\": \"the first number is " + n + " and we add 7 to it\", "
                        + "\"shard_id\": -1}").delayMillis(delayMillis);
            };
        });
        assistants.respondWith(req -> {
            String last = req.lastMessage() == null ? "" : req.lastMessage();
            String key = req.model() + "|" + req.body().path("messages").toString();
            if (Math.floorMod(key.hashCode(), 5) == 0 && seen.add(key)) {
                return Reply.httpError(429, "slow down");
            }
            Matcher m = QUESTION.matcher(last);
            Matcher any = Pattern.compile("(\\d+)").matcher(last);
            if (!m.find() && !any.find()) {
                return Reply.text("Which numbers should I add?").delayMillis(delayMillis);
            }
            int n = Integer.parseInt(m.find(0) ? m.group(1) : any.group(1));
            if (last.startsWith("Hi, what is 13 plus")) {
                return Reply.httpError(400, "this request is refused");
            }
            int turns = req.messages().size();
            int wrong = Math.floorMod(n + turns + req.model().length() + (req.model().endsWith("b") ? 1 : 0), 3) == 0
                    ? 1 : 0;
            return Reply.text("So the total is " + (n + 7 + wrong) + ".").delayMillis(delayMillis);
        });
    }

    /** A LiC-format file of {@code n} tasks {@code t-01 ...}: "What is i plus 7?" with three shards. */
    public static Path tasks(Path dir, int n) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 1; i <= n; i++) {
            sb.append(String.format("{\"task_id\": \"t-%02d\", \"task\": \"math\", \"question\": \"What is %d plus 7?\","
                    + " \"answer\": \"%d+7=%d\\n#### %d\", \"shards\": [{\"shard_id\": 1, \"shard\": \"I need to add "
                    + "two numbers\"}, {\"shard_id\": 2, \"shard\": \"the first number is %d\"}, {\"shard_id\": 3, "
                    + "\"shard\": \"the second number is 7\"}]}%s%n", i, i, i, i + 7, i + 7, i, i < n ? "," : ""));
        }
        Path f = dir.resolve("tasks.json");
        Files.writeString(f, sb.append("]\n").toString());
        return f;
    }

    /** The experiment config: 3 simulators × 2 assistants × the task file × {@code runs}. */
    public String config(Path tasks, int runs, int maxTurns, int concurrency) {
        String u = users.baseUrl();
        String a = assistants.baseUrl();
        return """
                {"name": "fixture", "tasks": {"file": "%s", "ids": null, "kind": "math", "sample": null},
                 "simulators": [
                   {"name": "UserLM", "simulator": "userlm", "url": "%s", "model": "ulm", "guardrails": "off"},
                   {"name": "Prompted", "simulator": "prompted", "url": "%s", "model": "pu", "guardrails": "default"},
                   {"name": "Sharded", "simulator": "sharded", "url": "%s", "model": "sh", "guardrails": "default"}],
                 "assistants": [
                   {"name": "A", "url": "%s", "model": "asst-a", "system_prompt": null},
                   {"name": "B", "url": ["%s", "%s"], "model": "asst-b", "system_prompt": "Be brief."}],
                 "runs": %d, "max_turns": %d, "seed": 7, "concurrency": %d, "stop_when_solved": false,
                 "judge": null}
                """.formatted(tasks.toString().replace("\\", "\\\\"), u, u, u, a, a, a, runs, maxTurns, concurrency);
    }

    @Override
    public void close() {
        users.close();
        assistants.close();
    }
}
