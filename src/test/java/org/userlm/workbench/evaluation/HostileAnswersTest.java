package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;

/**
 * Answers written to escape or to forge a pass (issue 10). Each is graded in the bubblewrap sandbox; each must be
 * contained (nothing outside is read, written, reached or signalled; no process survives) and graded correctly:
 * a wrong answer never passes. Needs bubblewrap (.ci/run installs it).
 */
class HostileAnswersTest {
    private static final String TESTS = "[{\"input\": \"2\\n3\", \"output\": \"5\", \"testtype\": \"functional\"},"
            + " {\"input\": \"-1\\n1\", \"output\": \"0\", \"testtype\": \"functional\"},"
            + " {\"input\": \"10\\n5\", \"output\": \"15\", \"testtype\": \"functional\"}]";
    private static final Task ADD = new Task("add", TaskKind.CODE, "test", "add", "add two ints", List.of(), null,
            new CodeSpec("add", "", "", TESTS, null, null, ""));
    private static final SandboxSettings LIMITS = SandboxSettings.defaults().withTimeout(Duration.ofSeconds(3))
            .withMemoryBytes(256L << 20).withMaxOutputBytes(1L << 20);
    private static final CodeGrader STRICT = new CodeGrader(LIMITS, GraderMode.STRICT);
    private static final CodeGrader LIC = new CodeGrader(LIMITS, GraderMode.LIC);

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsTheSandbox() {
        assertTrue(STRICT.sandboxAvailable(), "bubblewrap is required for these tests: " + CodeSandbox.howToGetOne());
    }

    private static String py(String body) {
        return "```python\n" + body + "\n```";
    }

    private static GradeResult strict(String code) {
        return STRICT.grade(ADD, py(code));
    }

    /** The same answer run without the sandbox (explicit opt-in): shows the attack works when not contained. */
    private static GradeResult unsandboxed(String code) {
        String before = System.getProperty("userlm.bwrap");
        System.setProperty("userlm.bwrap", "");
        try {
            return new CodeGrader(LIMITS.withAllowUnsandboxed(true), GraderMode.STRICT).grade(ADD, py(code));
        } finally {
            if (before == null) {
                System.clearProperty("userlm.bwrap");
            } else {
                System.setProperty("userlm.bwrap", before);
            }
        }
    }

    @Test
    void aFileOutsideCannotBeRead() throws Exception {
        Path secret = tmp.resolve("id_rsa");
        Files.writeString(secret, "PRIVATE-KEY-CANARY-7731");
        String code = "def add(a, b):\n    found = ''\n"
                + "    for p in ['/etc/passwd', '/etc/shadow', '" + secret + "', '/root/.ssh/id_rsa']:\n"
                + "        try:\n            found += open(p).read()\n        except OSError:\n            pass\n"
                + "    return found or a + b\n";
        GradeResult r = strict(code);
        assertTrue(r.correct(), "the answer found something to read: " + r.detail());
        assertFalse(unsandboxed(code).correct(), "unsandboxed, the same answer reads the key");
        assertFalse(r.detail().contains("CANARY") || r.detail().contains("root:"), r.detail());
    }

    @Test
    void nothingCanBeWrittenOutside() throws Exception {
        Path target = tmp.resolve("written-by-answer");
        String code = "import os\ndef add(a, b):\n"
                + "    for p in ['" + target + "', '/usr/evil', '/tmp/x', os.path.expanduser('~/x')]:\n"
                + "        try:\n            open(p, 'w').write('pwned')\n        except OSError:\n            pass\n"
                + "    return a + b\n";
        GradeResult r = strict(code);
        assertTrue(r.correct(), r.detail());
        assertFalse(Files.exists(target), "the answer wrote a file outside the sandbox");
        assertFalse(Files.exists(Path.of("/usr/evil")));
    }

    @Test
    void noInetSocketReachesTheHost() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread t = new Thread(() -> {
                try {
                    server.accept().close();
                    accepted.incrementAndGet();
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            t.setDaemon(true);
            t.start();
            String code = "import socket\ndef add(a, b):\n    try:\n"
                    + "        socket.create_connection(('127.0.0.1', " + server.getLocalPort() + "), timeout=1)\n"
                    + "        return -1\n    except OSError:\n        return a + b\n";
            GradeResult r = strict(code);
            assertTrue(r.correct(), "the answer reached the host's loopback: " + r.detail());
            assertEquals(0, accepted.get());
            assertFalse(unsandboxed(code).correct(), "unsandboxed, the same answer reaches the server");
        }
    }

    @Test
    void noUnixSocketReachesTheHost() throws Exception {
        Path sock = tmp.resolve("host.sock");
        String abstractName = "userlm-abstract-" + System.nanoTime();
        Process host = new ProcessBuilder("python3", "-c", "import socket, sys, time\n"
                + "s = socket.socket(socket.AF_UNIX)\ns.bind('\\0" + abstractName + "')\ns.listen()\n"
                + "print('ready', flush=True)\ntime.sleep(60)").start();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            assertEquals("ready", new java.io.BufferedReader(new java.io.InputStreamReader(host.getInputStream()))
                    .readLine());
            server.bind(UnixDomainSocketAddress.of(sock));
            String code = "import socket\ndef add(a, b):\n    for path in ['" + sock + "', '/run/docker.sock', "
                    + "'/var/run/dbus/system_bus_socket', '\\0" + abstractName + "']:\n"
                    + "        try:\n            s = socket.socket(socket.AF_UNIX)\n            s.connect(path)\n"
                    + "            return -1\n        except OSError:\n            pass\n    return a + b\n";
            GradeResult r = strict(code);
            assertTrue(r.correct(), "the answer reached a host Unix socket: " + r.detail());
            assertFalse(unsandboxed(code.replace("'" + sock + "', ", "")).correct(),
                    "unsandboxed, the same answer reaches the abstract socket");
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void theParentsEnvironmentIsNotVisible() {
        String names = System.getenv().keySet().stream()
                .filter(k -> !List.of("PATH", "LANG", "HOME", "TMPDIR", "PWD", "SHLVL", "_", "LC_CTYPE", "PYTHONIOENCODING",
                        "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED").contains(k))
                .map(k -> "'" + k.replace("'", "") + "='").collect(Collectors.joining(", "));
        assumeTrue(!names.isEmpty(), "the test JVM has no environment to leak");
        String code = "import os\ndef add(a, b):\n    seen = ' '.join('%s=%s' % kv for kv in os.environ.items())\n"
                + "    for d in os.listdir('/proc'):\n        try:\n"
                + "            seen += open('/proc/%s/environ' % d, 'rb').read().decode('latin-1')\n"
                + "        except (OSError, ValueError):\n            pass\n"
                + "    leaked = [n for n in [" + names + "] if n in seen]\n    return leaked or a + b\n";
        GradeResult r = strict(code);
        assertTrue(r.correct(), "host environment variables are visible: " + r.detail());
    }

    @Test
    void killingTheParentReachesNeitherTheWorkbenchNorTheVerdict() {
        long jvm = ProcessHandle.current().pid();
        String code = "import os, signal\ndef add(a, b):\n"
                + "    for pid in [os.getppid(), 1, " + jvm + "]:\n        try:\n            os.kill(pid, signal.SIGKILL)\n"
                + "        except OSError:\n            pass\n"
                + "    try:\n        os.kill(" + jvm + ", 0)\n        return -1\n    except OSError:\n        return a + b\n";
        GradeResult r = strict(code);
        assertTrue(r.correct(), "the answer could see or signal the workbench: " + r.detail());
        GradeResult all = strict("import os\ndef add(a, b):\n    os.kill(-1, 9)\n    return a + b\n");
        assertFalse(all.correct(), all.detail());
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void aForkBombIsCappedAndLeavesNothing() {
        GradeResult r = strict("import os\ndef add(a, b):\n    while True:\n        os.fork()\n");
        assertFalse(r.correct(), r.detail());
        assertEquals(0, survivors("/grader/harness.py"), "processes of the fork bomb survived grading");
    }

    @Test
    void detachedChildrenDoNotOutliveGrading() {
        String marker = "userlm-detached-" + System.nanoTime();
        String code = "import os, subprocess, sys\ndef add(a, b):\n"
                + "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', '" + marker + "'],"
                + " start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
                + "    if os.fork() == 0:\n        os.setsid()\n"
                + "        os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(120)', '" + marker + "'])\n"
                + "    return a + b\n";
        GradeResult r = strict(code);
        assertTrue(r.correct(), r.detail());
        assertEquals(0, survivors(marker), "a detached child survived grading");
    }

    @Test
    void memorySpreadOverManyChildrenIsCappedForTheWholeTree() {
        assumeTrue(r(LIMITS).sandbox().contains("memory of the whole tree"), "no memory control group here");
        String code = "import os\ndef add(a, b):\n    kids = []\n    for _ in range(3):\n        pid = os.fork()\n"
                + "        if pid == 0:\n            block = bytearray(b'x') * (150 << 20)\n"
                + "            import time; time.sleep(1)\n            os._exit(0)\n        kids.append(pid)\n"
                + "    for k in kids:\n        os.waitpid(k, 0)\n    return a + b\n";
        GradeResult res = strict(code);
        assertFalse(res.correct(), "three children held 450 MB under a 256 MB cap: " + res.detail());
        assertTrue(res.detail().contains("exceeded the memory cap (256 MB, whole process tree)"), res.detail());
    }

    private static GradeResult r(SandboxSettings s) {
        return new CodeGrader(s, GraderMode.STRICT).grade(ADD, py("def add(a, b):\n    return a + b"));
    }

    @Test
    void callingTheHarnessesEmitFunctionForgesNothing() {
        String code = "import __main__, sys\ndef add(a, b):\n    send = getattr(__main__, '_send', None)\n"
                + "    if send:\n        for i in range(3):\n            send(k='out', i=i, v=['other', 'int'])\n"
                + "            send(k='check', ok=True)\n        send(k='end')\n"
                + "        send(event='result', index=0, status='pass', message='ok')\n        send(event='done')\n"
                + "    return a - b\n";
        GradeResult r = strict(code);
        assertFalse(r.correct(), r.detail());
        GradeResult lic = LIC.grade(ADD, py(code.replace("import __main__, sys", "import __main__")));
        assertFalse(lic.correct(), lic.detail());
    }

    @Test
    void aFakeDoneEventOnAnyDescriptorForgesNothing() {
        String code = "import os\ndef add(a, b):\n    fake = b'{\"k\": \"end\"}\\n{\"event\": \"done\"}\\n"
                + "{\"k\": \"check\", \"ok\": true}\\n'\n    for fd in range(64):\n        try:\n"
                + "            os.write(fd, fake)\n        except OSError:\n            pass\n    return a * b\n";
        GradeResult r = strict(code);
        assertFalse(r.correct(), r.detail());
    }

    @Test
    void patchingTheResultForgesNothing() {
        String code = "import __main__, json\nclass Same:\n    def __eq__(self, other):\n        return True\n"
                + "    __hash__ = object.__hash__\n"
                + "def add(a, b):\n    __main__._encode = lambda v: ['int', '5']\n"
                + "    json.dumps = lambda *x, **y: '{\"k\": \"end\"}'\n    return Same()\n";
        assertFalse(strict(code).correct());
        assertFalse(LIC.grade(ADD, py(code)).correct(), "an always-equal object passed the lic rules");
    }

    @Test
    void theExpectedOutputsAreNotInsideTheSandbox() {
        String code = "import json, os\ndef add(a, b):\n    for root, dirs, files in os.walk('/grader'):\n"
                + "        for f in files:\n            text = open(os.path.join(root, f)).read()\n"
                + "            if '\"output\"' in text or '\"outputs\"' in text or '\"expected\"' in text:\n"
                + "                return a + b\n    return a - b\n";
        GradeResult r = strict(code);
        assertFalse(r.correct(), "the answer found expected outputs inside the sandbox: " + r.detail());
    }

    @Test
    void infiniteOutputIsStopped() {
        GradeResult quiet = strict("def add(a, b):\n    while True:\n        print('x' * 4096)\n");
        assertFalse(quiet.correct());
        assertTrue(quiet.detail().contains("timed out"), quiet.detail());
        String flood = "import os\ndef add(a, b):\n    junk = b'y' * 65536\n    while True:\n"
                + "        for fd in range(3, 16):\n            try:\n                os.write(fd, junk)\n"
                + "            except OSError:\n                pass\n";
        GradeResult loud = strict(flood);
        assertFalse(loud.correct());
        assertTrue(loud.detail().contains("more than 1 MB") || loud.detail().contains("timed out"), loud.detail());
    }

    @Test
    void theResultSaysHowTheCodeRan() {
        GradeResult ok = r(LIMITS);
        assertTrue(ok.correct(), ok.detail());
        assertTrue(ok.trusted());
        assertTrue(ok.sandbox().startsWith("bubblewrap"), ok.sandbox());
    }

    @Test
    void withoutASandboxNothingRunsUnlessTheRunOptsIn() {
        String before = System.getProperty("userlm.bwrap");
        System.setProperty("userlm.bwrap", "");
        try {
            GradeResult none = r(LIMITS);
            assertFalse(none.correct());
            assertFalse(none.graded());
            assertTrue(none.detail().startsWith("not graded: no sandbox"), none.detail());
            GradeResult optIn = r(LIMITS.withAllowUnsandboxed(true));
            assertTrue(optIn.correct(), optIn.detail());
            assertTrue(optIn.sandbox().startsWith("none: run without a sandbox by explicit opt-in"), optIn.sandbox());
        } finally {
            if (before == null) {
                System.clearProperty("userlm.bwrap");
            } else {
                System.setProperty("userlm.bwrap", before);
            }
        }
    }

    private static long survivors(String marker) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        long n;
        do {
            n = ProcessHandle.allProcesses()
                    .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false)).count();
            if (n == 0) {
                return 0;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return n;
            }
        } while (System.nanoTime() < deadline);
        return n;
    }
}
