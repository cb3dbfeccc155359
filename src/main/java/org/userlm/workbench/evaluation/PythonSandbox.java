package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one test of a candidate in a separate Python process: a fresh temporary directory, a minimal
 * environment, stdin closed, the caps of {@link SandboxSettings}, and the process tree killed on timeout.
 */
final class PythonSandbox {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> UNSHARE_WORKS = new ConcurrentHashMap<>();

    /** How a run ended. */
    enum Status { PASS, FAIL, ERROR, MEMORY, TIMEOUT, CRASH }

    /** The outcome of one run. */
    record Outcome(Status status, String message) {
    }

    private final SandboxSettings settings;

    PythonSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the harness on {@code spec} (the fields the harness reads; limits are added here).
     *
     * @throws IOException when the temporary directory or Python cannot be used
     */
    Outcome run(Map<String, Object> spec) throws IOException, InterruptedException {
        String python = resolvePython();
        Path dir = Files.createTempDirectory("userlm-grade-");
        try {
            Map<String, Object> full = new java.util.LinkedHashMap<>(spec);
            full.put("memory_bytes", settings.memoryBytes());
            full.put("cpu_seconds", (int) Math.ceil(settings.perTestTimeout().toMillis() / 1000.0) + 1);
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
        cmd.addAll(List.of(python, "-I", dir.resolve(Harness.FILE).toString(),
                dir.resolve("spec.json").toString(), dir.resolve("result.json").toString()));
        return cmd;
    }

    private Outcome execute(Path dir, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        minimalEnvironment(pb.environment(), dir);
        Process p = pb.start();
        p.getOutputStream().close();
        long limitMs = settings.perTestTimeout().toMillis() + 500;
        if (!p.waitFor(limitMs, TimeUnit.MILLISECONDS)) {
            killTree(p);
            return new Outcome(Status.TIMEOUT, "timed out after " + settings.perTestTimeout().toMillis() / 1000.0 + " s");
        }
        Path result = dir.resolve("result.json");
        if (Files.exists(result) && Files.size(result) > 0) {
            JsonNode r = MAPPER.readTree(result.toFile());
            Status st = Status.valueOf(r.path("status").asText("error").toUpperCase(java.util.Locale.ROOT));
            return new Outcome(st, r.path("message").asText(""));
        }
        String err = tail(dir.resolve("stderr.txt"));
        if (err.contains("MemoryError")) {
            return new Outcome(Status.MEMORY, "MemoryError");
        }
        return new Outcome(Status.CRASH, "python exited with code " + p.exitValue() + (err.isEmpty() ? "" : ": " + err));
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
