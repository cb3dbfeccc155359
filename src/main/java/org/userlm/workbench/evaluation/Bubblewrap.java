package org.userlm.workbench.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox for model-written code: Linux bubblewrap ({@code bwrap}, Debian package {@code bubblewrap}).
 * Every namespace is unshared (no network at all, so no INET and no host Unix sockets; its own PID namespace
 * that is killed with its parent; no host {@code /proc}); the system ({@code /usr} and the Python prefix) is
 * mounted read-only; home and temp are small private tmpfs mounts; the environment is empty but for a few
 * constants; capabilities are dropped and no further user namespaces may be made. Nothing of the workbench's
 * (files, databases, sockets, environment) is visible inside.
 */
final class Bubblewrap {
    /** Where the read-only folder with the harness and its inputs appears inside the sandbox. */
    static final String INPUT_DIR = "/grader";
    private static final long TMPFS_BYTES = 64L << 20;
    private static final Map<String, Optional<List<String>>> PROBED = new ConcurrentHashMap<>();

    private Bubblewrap() {
    }

    /** The bwrap executable, if installed. */
    static Optional<String> executable() {
        String override = System.getProperty("userlm.bwrap");
        if (override != null) {
            return override.isBlank() || !Files.isExecutable(Path.of(override)) ? Optional.empty() : Optional.of(override);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/bin:/bin").split(":")) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "bwrap"))) {
                return Optional.of(Path.of(dir, "bwrap").toString());
            }
        }
        return Optional.empty();
    }

    /**
     * The bwrap options that work on this machine for {@code python} (whose prefixes are mounted), probed once:
     * empty when bubblewrap is missing or cannot make namespaces here.
     */
    static Optional<List<String>> options(String python, List<String> pythonPrefixes) {
        String key = executable().orElse("") + "|" + python + "|" + pythonPrefixes;
        return PROBED.computeIfAbsent(key, k -> probe(python, pythonPrefixes));
    }

    private static Optional<List<String>> probe(String python, List<String> prefixes) {
        Optional<String> bwrap = executable();
        if (bwrap.isEmpty()) {
            return Optional.empty();
        }
        for (boolean strictUserns : new boolean[] {true, false}) {
            List<String> opts = build(bwrap.get(), prefixes, strictUserns);
            List<String> cmd = new ArrayList<>(opts);
            cmd.addAll(List.of(python, "-I", "-c", "import os; assert not os.path.exists('/etc/passwd')"));
            if (runs(cmd)) {
                return Optional.of(opts);
            }
        }
        return Optional.empty();
    }

    private static List<String> build(String bwrap, List<String> prefixes, boolean strictUserns) {
        List<String> c = new ArrayList<>(List.of(bwrap, "--unshare-all"));
        if (strictUserns) {
            c.addAll(List.of("--unshare-user", "--disable-userns"));
        }
        c.addAll(List.of("--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
                "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) {
                c.addAll(List.of("--ro-bind", top, top));
            }
        }
        for (String prefix : prefixes) {
            if (!prefix.equals("/usr") && !prefix.startsWith("/usr/")) {
                c.addAll(List.of("--ro-bind", prefix, prefix));
            }
        }
        c.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/tmp",
                "--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/home/sandbox",
                "--setenv", "HOME", "/home/sandbox", "--setenv", "TMPDIR", "/tmp",
                "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
                "--setenv", "PYTHONIOENCODING", "utf-8", "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
                "--setenv", "PYTHONHASHSEED", "0", "--chdir", "/tmp"));
        return c;
    }

    /** The full command: options, the read-only input folder, then {@code command}. */
    static List<String> command(List<String> options, Path inputDir, List<String> command) {
        List<String> c = new ArrayList<>(options);
        c.addAll(List.of("--ro-bind", inputDir.toString(), INPUT_DIR));
        c.addAll(command);
        return c;
    }

    private static boolean runs(List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
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
    }
}
