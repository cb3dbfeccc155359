package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher's JVM options: a JVM takes each with its value, and every launcher reads the same file. */
class LauncherOptionsTest {

    @Test
    void everyOptionIsTakenByThisJvmWithItsValue() throws IOException, InterruptedException {
        List<String> options = LauncherOptions.read();
        assertFalse(options.isEmpty());
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options);
        cmd.add("-XX:+PrintFlagsFinal");
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        for (String o : options) {
            // -XX:Name=value, -XX:+Name or -XX:-Name
            assertTrue(o.matches("-XX:(\\w+=\\S+|[+-]\\w+)"), "an -XX option: " + o);
            String name = o.contains("=") ? o.substring(4, o.indexOf('=')) : o.substring(5);
            String value = o.contains("=") ? o.substring(o.indexOf('=') + 1) : String.valueOf(o.charAt(4) == '+');
            // PrintFlagsFinal: "intx Tier4InvocationThreshold   = 50000   {product} {command line}"
            assertTrue(out.lines().anyMatch(l -> l.matches("\\s*\\w+\\s+" + Pattern.quote(name) + "\\s+=\\s+"
                    + Pattern.quote(value) + "\\s.*\\{command line\\}.*")), name + " = " + value + " in\n" + out.lines()
                    .filter(l -> l.contains(name)).toList());
        }
    }

    @Test
    void theLaunchersAndTheScriptReadTheFile() throws IOException {
        String file = "src/main/resources/org/userlm/workbench/app/" + LauncherOptions.RESOURCE;
        assertTrue(Files.isRegularFile(Path.of(file)));
        for (String launcher : List.of("packaging/linux/build.sh", "packaging/macos/build-dmg.sh",
                "scripts/userlm-workbench-cds.sh")) {
            assertTrue(Files.readString(Path.of(launcher)).contains(file), launcher);
        }
        assertTrue(Files.readString(Path.of("packaging/windows/build-msi.ps1")).contains(file.replace('/', '\\')));
    }
}
