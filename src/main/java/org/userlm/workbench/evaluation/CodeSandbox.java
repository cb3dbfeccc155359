package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the harness ({@code harness.py}) on one answer inside {@link Bubblewrap}, in a fresh control group
 * ({@link ControlGroups}), and collects what it reports as data. The harness's input folder holds the
 * answer and the test inputs only, never the expected outputs. Of the harness's records only the first per key
 * counts ({@code load}, {@code start:i}, {@code res:i}, ...), so the code under test cannot take back or
 * overwrite what was already reported; the verdict is computed outside by {@link CodeGrader}.
 */
final class CodeSandbox {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long STARTUP_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final JsonNode EOF = MAPPER.createObjectNode().put("k", "<eof>");
    private static final JsonNode TOO_MUCH = MAPPER.createObjectNode().put("k", "<too-much>");

    /** Why the run stopped. */
    enum Stop { ENOUGH, END, EXITED, TIMEOUT, OUTPUT_LIMIT, MEMORY }

    /**
     * What came out of one run.
     *
     * @param records   the first record per key, in arrival order
     * @param stop      why the run stopped
     * @param stderr    the last part of the harness's error output
     * @param isolation how the code ran: bubblewrap with which limits, or unsandboxed by opt-in
     */
    record Report(Map<String, JsonNode> records, Stop stop, String stderr, String isolation) {
    }

    /** Thrown when no sandbox is available and the settings do not opt in to running without one. */
    static final class NoSandboxException extends Exception {
        NoSandboxException(String message) {
            super(message);
        }
    }

    private final SandboxSettings settings;

    CodeSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    /** How to get a sandbox, for messages. */
    static String howToGetOne() {
        return "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap) "
                + "on Linux; code is never run without a sandbox unless a run opts in with --allow-unsandboxed";
    }

    /** One line for the UI: the sandbox and the limits it enforces here, or how to get one. */
    String status() {
        if (!available()) {
            return "code is not run: no sandbox (" + howToGetOne() + ")";
        }
        ControlGroups.Group g = ControlGroups.create(settings.memoryBytes(), settings.maxProcesses());
        try {
            return "code runs in bubblewrap; " + g.describe() + "; wall time and output capped";
        } finally {
            g.destroy();
        }
    }

    /** Whether a sandbox works here for the configured Python. */
    boolean available() {
        try {
            List<String> py = PythonInstall.resolve(settings.python());
            return Bubblewrap.options(py.get(0), py.subList(1, py.size())).isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs the harness on {@code spec} and reads its records until {@code enough} says the verdict is known,
     * the harness ends, or a limit stops it.
     *
     * @param testCount number of tests (for the wall-time and CPU limits)
     */
    Report run(Map<String, Object> spec, int testCount, Predicate<Map<String, JsonNode>> enough)
            throws IOException, InterruptedException, NoSandboxException {
        List<String> py = PythonInstall.resolve(settings.python());
        Optional<List<String>> options = Bubblewrap.options(py.get(0), py.subList(1, py.size()));
        if (options.isEmpty() && !settings.allowUnsandboxed()) {
            throw new NoSandboxException("not graded: no sandbox (" + howToGetOne() + ")");
        }
        Path dir = Files.createTempDirectory("userlm-grade-");
        ControlGroups.Group group = options.isPresent()
                ? ControlGroups.create(settings.memoryBytes(), settings.maxProcesses()) : ControlGroups.none();
        try {
            Map<String, Object> full = new LinkedHashMap<>(spec);
            long perTest = (long) Math.ceil(settings.perTestTimeout().toMillis() / 1000.0);
            full.put("memory_bytes", settings.memoryBytes());
            full.put("cpu_seconds", perTest * (testCount + 1) + 2);
            MAPPER.writeValue(dir.resolve("spec.json").toFile(), full);
            try (InputStream h = CodeSandbox.class.getResourceAsStream("harness.py")) {
                Files.write(dir.resolve("harness.py"), h.readAllBytes());
            }
            List<String> cmd;
            String isolation;
            if (options.isPresent()) {
                String in = Bubblewrap.INPUT_DIR;
                cmd = joinGroup(group, Bubblewrap.command(options.get(), dir,
                        List.of(py.get(0), "-I", in + "/harness.py", in + "/spec.json")));
                isolation = "bubblewrap; " + group.describe() + "; per-process memory and CPU rlimits; wall time; "
                        + "output size";
            } else {
                cmd = List.of(py.get(0), "-I", dir.resolve("harness.py").toString(), dir.resolve("spec.json").toString());
                isolation = "none: run without a sandbox by explicit opt-in (--allow-unsandboxed)";
            }
            return execute(cmd, dir, testCount, enough, group, isolation);
        } finally {
            group.destroy();
            deleteTree(dir);
        }
    }

    /** Prefixes the command with a shell that moves itself into the group's cgroups, then execs it. */
    private static List<String> joinGroup(ControlGroups.Group group, List<String> cmd) {
        if (!group.prefix().isEmpty()) {
            List<String> c = new ArrayList<>(group.prefix());
            c.addAll(cmd);
            return c;
        }
        if (group.dirs().isEmpty()) {
            return cmd;
        }
        List<String> c = new ArrayList<>(List.of("/bin/sh", "-ec",
                "while [ \"$1\" != -- ]; do echo $$ > \"$1\"; shift; done; shift; exec \"$@\"", "sh"));
        group.procsFiles().forEach(f -> c.add(f.toString()));
        c.add("--");
        c.addAll(cmd);
        return c;
    }

    private Report execute(List<String> cmd, Path dir, int testCount, Predicate<Map<String, JsonNode>> enough,
                           ControlGroups.Group group, String isolation) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        if (group.prefix().isEmpty()) {
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        } else {
            ControlGroups.userBusEnvironment(pb.environment());
        }
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        StringBuilder err = new StringBuilder();
        Thread out = daemon(() -> readRecords(p.getInputStream(), queue, settings.maxOutputBytes()), "grader-out");
        Thread errReader = daemon(() -> keepTail(p.getErrorStream(), err), "grader-err");
        Map<String, JsonNode> records = new LinkedHashMap<>();
        long perTest = settings.perTestTimeout().toNanos();
        long start = System.nanoTime();
        long absolute = start + STARTUP_NANOS + perTest * (testCount + 1);
        long deadline = start + STARTUP_NANOS + perTest;
        Stop stop;
        try {
            while (true) {
                long wait = Math.min(deadline, absolute) - System.nanoTime();
                JsonNode rec = queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (rec == null) {
                    stop = Stop.TIMEOUT;
                    break;
                }
                String k = rec.path("k").asText();
                if (rec == EOF) {
                    p.waitFor(5, TimeUnit.SECONDS);
                    stop = Stop.EXITED;
                    break;
                }
                if (rec == TOO_MUCH) {
                    stop = Stop.OUTPUT_LIMIT;
                    break;
                }
                String key = rec.has("i") ? (k.equals("out") || k.equals("raise") ? "res" : k) + ":" + rec.path("i").asInt()
                        : k;
                if (records.putIfAbsent(key, rec) == null && k.equals("start")) {
                    deadline = System.nanoTime() + perTest;
                }
                if (k.equals("end")) {
                    stop = Stop.END;
                    break;
                }
                if (enough.test(records)) {
                    stop = Stop.ENOUGH;
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.waitFor(5, TimeUnit.SECONDS);
        }
        out.join(2000);
        errReader.join(2000);
        if (stop != Stop.OUTPUT_LIMIT && group.memory() && group.oomKilled()) {
            stop = Stop.MEMORY;
        }
        String tail;
        synchronized (err) {
            tail = err.toString().strip();
        }
        if (stop == Stop.EXITED && !p.isAlive()) {
            tail = "exit code " + p.exitValue() + (tail.isEmpty() ? "" : ": " + tail);
        }
        return new Report(records, stop, tail, isolation);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reads one JSON record per line, at most {@code cap} bytes in all; malformed lines are skipped. */
    private static void readRecords(InputStream in, BlockingQueue<JsonNode> queue, long cap) {
        long total = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
                if (total > cap) {
                    queue.add(TOO_MUCH);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') {
                        line.write(buf[i]);
                        continue;
                    }
                    try {
                        JsonNode rec = MAPPER.readTree(line.toByteArray());
                        if (rec != null && rec.isObject() && rec.path("k").isTextual()) {
                            queue.add(rec);
                        }
                    } catch (IOException malformed) {
                        // not a record: the code under test wrote it; ignore
                    }
                    line.reset();
                }
            }
        } catch (IOException ignored) {
            // the process was killed
        }
        queue.add(EOF);
    }

    /** Keeps the last 1,500 characters of a stream, discarding the rest. */
    private static void keepTail(InputStream in, StringBuilder tail) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                synchronized (tail) {
                    tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > 3000) {
                        tail.delete(0, tail.length() - 1500);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
