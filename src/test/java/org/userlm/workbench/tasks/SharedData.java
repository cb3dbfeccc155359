package org.userlm.workbench.tasks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates /work/shared/data (system property {@code shared.dir}); skips the calling test when absent. */
public final class SharedData {
    private SharedData() {
    }

    /** The path of {@code relative} under the shared data folder; skips the test if it is not there. */
    public static Path file(String relative) {
        String dir = System.getProperty("shared.dir");
        assumeTrue(dir != null, "system property shared.dir is not set: skipping test on real data");
        Path p = Path.of(dir, "data", relative);
        assumeTrue(Files.isRegularFile(p), "shared data file " + p + " is absent: skipping test on real data");
        return p;
    }
}
