package org.userlm.workbench.tasks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real public task files and the golden tiny model copied into {@code src/test/resources/fixtures}
 * (their sources and licences: {@code fixtures/data/README.md}, {@code fixtures/golden/README.md}), so a plain
 * clone runs every test. A missing fixture fails the test: nothing is skipped.
 */
public final class SharedData {
    /** The fixtures folder, relative to the project root (Maven runs tests there). */
    public static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private SharedData() {
    }

    /** The path of {@code relative} under {@code fixtures/data}; fails if it is not there. */
    public static Path file(String relative) {
        return existing(FIXTURES.resolve("data").resolve(relative), Files.isRegularFile(FIXTURES.resolve("data").resolve(relative)));
    }

    /** The golden tiny Llama-3 folder ({@code fixtures/golden/tiny-llama-a}) with its reference {@code golden.json}. */
    public static Path goldenModel() {
        Path p = FIXTURES.resolve("golden").resolve("tiny-llama-a");
        return existing(p, Files.isDirectory(p));
    }

    private static Path existing(Path p, boolean present) {
        if (!present) {
            throw new IllegalStateException("test fixture " + p.toAbsolutePath() + " is missing");
        }
        return p;
    }
}
