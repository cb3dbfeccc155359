package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log set up in code: one file in the log folder, INFO and up, jinjava's chatter held back; tests keep theirs. */
class LogConfiguratorTest {
    @TempDir
    Path dir;

    @Test
    void writesTheRollingFileInTheLogFolder() throws Exception {
        String was = System.getProperty(LogFiles.DIR_PROPERTY);
        System.setProperty(LogFiles.DIR_PROPERTY, dir.toString());
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new LogbackMDCAdapter()); // what logback's service provider gives the real context
        try {
            new LogConfigurator().apply(ctx);
            ctx.getLogger("org.userlm.x").info("hello {}", "file");
            ctx.getLogger("org.userlm.x").debug("not at INFO");
            ctx.getLogger("com.hubspot.jinjava.Parser").info("template chatter");
            ctx.getLogger("com.hubspot.jinjava.Parser").warn("a real jinjava warning");
        } finally {
            ctx.stop();
            if (was == null) {
                System.clearProperty(LogFiles.DIR_PROPERTY);
            } else {
                System.setProperty(LogFiles.DIR_PROPERTY, was);
            }
        }
        String log = Files.readString(dir.resolve("workbench.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^]]+] org\\.userlm\\.x"
                + " - hello file\\R.*"), log);
        assertFalse(log.contains("not at INFO"), log);
        assertFalse(log.contains("template chatter"), log);
        assertTrue(log.contains("WARN  [") && log.contains("a real jinjava warning"), log);
    }

    @Test
    void aTestConfigurationFileOnTheClassPathWins() {
        // src/test/resources/logback-test.xml is on this class path: logback's own configurators must read it.
        assertEquals(ExecutionStatus.NEUTRAL, new LogConfigurator().configure(new LoggerContext()));
    }
}
