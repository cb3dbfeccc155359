package org.userlm.workbench.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A control group for one sandboxed run, where this machine lets us make one: cgroup v1 ({@code memory} and
 * {@code pids} hierarchies, writable as root) or cgroup v2 (a writable subgroup of ours, as with systemd
 * delegation). It caps the memory of the whole process tree and the number of its processes; where neither
 * works, {@link #none()} says so and only per-process limits apply.
 */
final class ControlGroups {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    /**
     * One group (possibly empty).
     *
     * @param dirs   the group's directories (one per v1 hierarchy, one for v2)
     * @param memory whether a whole-tree memory cap is enforced
     * @param pids   whether a process-count cap is enforced
     * @param kind   {@code cgroup v1}, {@code cgroup v2}, {@code systemd scope} or {@code none}
     * @param prefix a command prefix that puts the command into the group ({@code systemd-run --user --scope});
     *               empty when the command joins {@link #procsFiles()} itself
     */
    record Group(List<Path> dirs, boolean memory, boolean pids, String kind, List<String> prefix) {
        Group(List<Path> dirs, boolean memory, boolean pids, String kind) {
            this(dirs, memory, pids, kind, List.of());
        }

        /** The files a process writes its pid to, to join the group. */
        List<Path> procsFiles() {
            return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
        }

        /** Whether the kernel killed a process of the group for memory. */
        boolean oomKilled() {
            for (Path d : dirs) {
                boolean counted = false;
                for (String f : List.of("memory.oom_control", "memory.events")) {
                    for (String line : read(d.resolve(f)).split("\n")) {
                        String[] kv = line.trim().split("\\s+");
                        if (kv.length == 2 && kv[0].equals("oom_kill")) {
                            counted = true;
                            if (!kv[1].equals("0")) {
                                return true;
                            }
                        }
                    }
                }
                String fail = read(d.resolve("memory.failcnt")).trim();
                if (!counted && !fail.isEmpty() && !fail.equals("0")) {
                    return true;
                }
            }
            return false;
        }

        /** Kills every process left in the group and removes it. */
        void destroy() {
            for (int attempt = 0; attempt < 40; attempt++) {
                boolean left = false;
                for (Path d : dirs) {
                    for (String pid : read(d.resolve("cgroup.procs")).split("\\s+")) {
                        if (!pid.isBlank()) {
                            left = true;
                            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                        }
                    }
                }
                if (!left) {
                    break;
                }
                sleep(50);
            }
            for (Path d : dirs) {
                for (int attempt = 0; attempt < 40; attempt++) {
                    try {
                        Files.deleteIfExists(d);
                        break;
                    } catch (IOException e) {
                        sleep(50);
                    }
                }
            }
        }

        /** What is enforced, for results and the UI, e.g. {@code cgroup v1: memory of the whole tree, processes}. */
        String describe() {
            if (!memory && !pids) {
                return "no control group (per-process limits only)";
            }
            List<String> parts = new ArrayList<>();
            if (memory) {
                parts.add("memory of the whole tree");
            }
            if (pids) {
                parts.add("process count");
            }
            return kind + ": " + String.join(", ", parts);
        }
    }

    private ControlGroups() {
    }

    /** A group that enforces nothing. */
    static Group none() {
        return new Group(List.of(), false, false, "none");
    }

    /**
     * Makes a group with the given caps: cgroup v1 or a writable cgroup v2 subgroup; else a transient systemd
     * user scope (desktops with cgroup v2, where systemd delegates to the user); else {@link #none()}.
     */
    static Group create(long memoryBytes, int maxProcesses) {
        String name = "userlm-grade-" + UUID.randomUUID();
        Group g = none();
        if (Files.isDirectory(ROOT.resolve("memory")) || Files.isDirectory(ROOT.resolve("pids"))) {
            g = v1(name, memoryBytes, maxProcesses);
        } else if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
            g = v2(name, memoryBytes, maxProcesses);
        }
        if (!g.memory() && !g.pids() && SYSTEMD_SCOPE.get()) {
            g.destroy();
            List<String> prefix = new ArrayList<>(List.of("systemd-run", "--user", "--scope", "--quiet",
                    "-p", "TasksMax=" + maxProcesses));
            if (memoryBytes > 0) {
                prefix.addAll(List.of("-p", "MemoryMax=" + memoryBytes, "-p", "MemorySwapMax=0"));
            }
            prefix.add("--");
            return new Group(List.of(), memoryBytes > 0, true, "systemd scope", List.copyOf(prefix));
        }
        return g;
    }

    /** Whether {@code systemd-run --user --scope} works here (probed once). */
    private static final Supplier<Boolean> SYSTEMD_SCOPE = new Supplier<>() {
        private volatile Boolean works;

        @Override
        public Boolean get() {
            if (works == null) {
                works = probeSystemdScope();
            }
            return works;
        }
    };

    private static boolean probeSystemdScope() {
        try {
            ProcessBuilder pb = new ProcessBuilder("systemd-run", "--user", "--scope", "--quiet", "-p", "TasksMax=8",
                    "/bin/true").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            userBusEnvironment(pb.environment());
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
    }

    /** Keeps only what {@code systemd-run --user} needs to find the user's manager (no secrets). */
    static void userBusEnvironment(Map<String, String> env) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        if (runtime != null) {
            env.put("XDG_RUNTIME_DIR", runtime);
        }
        if (bus != null) {
            env.put("DBUS_SESSION_BUS_ADDRESS", bus);
        }
    }

    private static Group v1(String name, long memoryBytes, int maxProcesses) {
        List<Path> dirs = new ArrayList<>();
        boolean mem = false;
        boolean pids = false;
        Path m = ROOT.resolve("memory").resolve(name);
        if (memoryBytes > 0 && mkdir(m)) {
            dirs.add(m);
            mem = write(m.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
            write(m.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
        }
        Path p = ROOT.resolve("pids").resolve(name);
        if (mkdir(p)) {
            dirs.add(p);
            pids = write(p.resolve("pids.max"), Integer.toString(maxProcesses));
        }
        return new Group(dirs, mem, pids, "cgroup v1");
    }

    private static Group v2(String name, long memoryBytes, int maxProcesses) {
        String own = "";
        for (String line : read(Path.of("/proc/self/cgroup")).split("\n")) {
            if (line.startsWith("0::")) {
                own = line.substring(3).trim();
            }
        }
        Path d = ROOT.resolve(own.startsWith("/") ? own.substring(1) : own).resolve(name);
        if (!mkdir(d)) {
            return none();
        }
        boolean mem = memoryBytes > 0 && write(d.resolve("memory.max"), Long.toString(memoryBytes));
        if (mem) {
            write(d.resolve("memory.swap.max"), "0");
        }
        boolean pids = write(d.resolve("pids.max"), Integer.toString(maxProcesses));
        return new Group(List.of(d), mem, pids, "cgroup v2");
    }

    private static boolean mkdir(Path d) {
        try {
            Files.createDirectory(d);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean write(Path f, String value) {
        try {
            Files.writeString(f, value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
