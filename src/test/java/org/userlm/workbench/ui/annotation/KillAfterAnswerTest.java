package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

/** SIGKILL right after the view model reports an answer saved loses nothing. */
class KillAfterAnswerTest {
    @TempDir
    Path dir;

    @Test
    void answerSurvivesKillDashNineRightAfterSaved() throws Exception {
        Path db = dir.resolve("kill.db");
        AnnotationFixtures.seed(db);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AnswerOnceMain.class.getName(), db.toString())
                .redirectError(dir.resolve("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            p.destroyForcibly(); // SIGKILL on Linux, the moment "saved" arrives: no shutdown hook, no close()
            assertEquals("saved", line);
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        try (SqliteDatabase database = SqliteDatabase.open(db)) {
            List<Annotation> found = new SqliteAnnotationRepository(database).find("alice", "c1");
            assertEquals(1, found.size());
            assertEquals(0, found.get(0).turnIndex());
            assertEquals("human_like", found.get(0).questionKey());
            assertEquals("4", found.get(0).valueJson());
        }
    }
}
