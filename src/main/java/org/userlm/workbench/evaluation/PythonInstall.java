package org.userlm.workbench.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Where the configured Python really lives: its executable and prefixes (mounted read-only in the sandbox). */
final class PythonInstall {
    private static final Map<String, List<String>> RESOLVED = new ConcurrentHashMap<>();

    private PythonInstall() {
    }

    /** The real interpreter and its prefixes (pyenv shims need the user's environment to resolve). */
    static List<String> resolve(String configured) throws IOException, InterruptedException {
        List<String> cached = RESOLVED.get(configured);
        if (cached != null) {
            return cached;
        }
        Process p = new ProcessBuilder(configured, "-c",
                "import sys; print(sys.executable); print(sys.prefix); print(sys.base_prefix)")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
            p.destroyForcibly();
            throw new IOException("cannot run " + configured + " (set -Duserlm.python=/path/to/python3): " + out);
        }
        String[] lines = out.split("\\R");
        if (lines.length < 3) {
            throw new IOException("cannot ask " + configured + " where it lives: " + out);
        }
        List<String> resolved = Stream.of(lines[lines.length - 3], lines[lines.length - 2], lines[lines.length - 1])
                .distinct().toList();
        RESOLVED.put(configured, resolved);
        return resolved;
    }
}
