package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the tests of one answer in a separate Python process ({@link Harness}): a fresh temporary directory,
 * a minimal environment, stdin closed, the caps of {@link SandboxSettings}. Each test is timed from the
 * harness's start event; on timeout the whole process tree is killed.
 */
final class PythonSandbox {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> UNSHARE_WORKS = new ConcurrentHashMap<>();
    private static final String EOF = "<eof>";
    private static final long STARTUP_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** How a test (or the loading of the solution) ended. */
    enum Status { PASS, FAIL, ERROR, MEMORY, TIMEOUT, CRASH }

    /**
     * The outcome of a run: the first test that did not pass, or PASS for all.
     *
     * @param status  how it ended
     * @param index   0-based index of the test concerned; -1 while loading the solution or for an overall PASS
     * @param message the harness's message (expected/got, exception) or the reason the process died
     */
    record Outcome(Status status, int index, String message) {
    }

    private final SandboxSettings settings;

    PythonSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the harness on {@code spec} (code, func_name, mode, tests...; limits are added here).
     *
     * @param testCount how many tests the spec holds (1 in check mode), for the CPU limit
     * @throws IOException when the temporary directory or Python cannot be used
     */
    Outcome run(Map<String, Object> spec, int testCount) throws IOException, InterruptedException {
        String python = resolvePython();
        Path dir = Files.createTempDirectory("userlm-grade-");
        try {
            Map<String, Object> full = new java.util.LinkedHashMap<>(spec);
            long perTestSeconds = (long) Math.ceil(settings.perTestTimeout().toMillis() / 1000.0);
            full.put("memory_bytes", settings.memoryBytes());
            full.put("cpu_seconds", perTestSeconds * (testCount + 1) + 1);
            MAPPER.writeValue(dir.resolve("spec.json").toFile(), full);
            Files.writeString(dir.resolve(Harness.FILE), Harness.SOURCE, StandardCharsets.UTF_8);
            return execute(dir, command(python, dir));
        } finally {
            deleteTree(dir);
        }
    }

    private List<String> command(String python, Path dir) {
        List<String> cmd = new ArrayList<>();
        if (settings.networkNamespace() && unshareWorks(python)) {
            cmd.addAll(List.of("unshare", "-rn"));
        }
        cmd.addAll(List.of(python, "-I", dir.resolve(Harness.FILE).toString(), dir.resolve("spec.json").toString()));
        return cmd;
    }

    private Outcome execute(Path dir, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        minimalEnvironment(pb.environment(), dir);
        Process p = pb.start();
        p.getOutputStream().close();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(p, events), "grader-harness-reader");
        reader.setDaemon(true);
        reader.start();
        long timeoutNanos = settings.perTestTimeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos + STARTUP_NANOS;
        int current = -1;
        while (true) {
            String line = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                killTree(p);
                return new Outcome(Status.TIMEOUT, current, "timed out");
            }
            if (line.equals(EOF)) {
                p.waitFor(5, TimeUnit.SECONDS);
                return died(p, dir, current);
            }
            JsonNode ev = MAPPER.readTree(line);
            switch (ev.path("event").asText()) {
                case "start" -> {
                    current = ev.path("index").asInt();
                    deadline = System.nanoTime() + timeoutNanos;
                }
                case "result" -> {
                    Status st = Status.valueOf(ev.path("status").asText("error").toUpperCase(Locale.ROOT));
                    if (st != Status.PASS) {
                        p.waitFor(2, TimeUnit.SECONDS);
                        killTree(p);
                        return new Outcome(st, ev.path("index").asInt(), ev.path("message").asText(""));
                    }
                }
                case "done" -> {
                    p.waitFor(5, TimeUnit.SECONDS);
                    killTree(p);
                    return new Outcome(Status.PASS, -1, "");
                }
                default -> { }
            }
        }
    }

    private static void readLines(Process p, BlockingQueue<String> events) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("{")) {
                    events.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process was killed; the EOF marker below ends the wait
        }
        events.add(EOF);
    }

    /** The process exited without reporting a verdict for the current test. */
    private static Outcome died(Process p, Path dir, int current) throws IOException {
        String err = tail(dir.resolve("stderr.txt"));
        if (err.contains("MemoryError")) {
            return new Outcome(Status.MEMORY, current, "MemoryError");
        }
        String code = p.isAlive() ? "?" : String.valueOf(p.exitValue());
        return new Outcome(Status.CRASH, current, "python exited with code " + code + (err.isEmpty() ? "" : ": " + err));
    }

    /** Kills the descendants first (collected before the parent dies), then the process itself. */
    static void killTree(Process p) throws InterruptedException {
        List<ProcessHandle> kids = p.descendants().toList();
        kids.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void minimalEnvironment(Map<String, String> env, Path dir) {
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("TMPDIR", dir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONHASHSEED", "0");
    }

    /** The real interpreter behind {@code settings.python()} (pyenv shims need the user's environment). */
    private String resolvePython() throws IOException, InterruptedException {
        String configured = settings.python();
        String cached = RESOLVED.get(configured);
        if (cached != null) {
            return cached;
        }
        Process p = new ProcessBuilder(configured, "-c", "import sys; print(sys.executable)")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
            p.destroyForcibly();
            throw new IOException("cannot run " + configured + " (set -Duserlm.python=/path/to/python3): " + out);
        }
        String[] lines = out.split("\\R");
        String resolved = lines[lines.length - 1];
        RESOLVED.put(configured, resolved);
        return resolved;
    }

    private static boolean unshareWorks(String python) {
        return UNSHARE_WORKS.computeIfAbsent(python, py -> {
            try {
                ProcessBuilder pb = new ProcessBuilder("unshare", "-rn", py, "-I", "-c", "pass")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().clear();
                pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
                Process p = pb.start();
                p.getOutputStream().close();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        return s.length() <= 600 ? s : "…" + s.substring(s.length() - 600);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
