package org.userlm.workbench.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JVM options the installed app's launcher starts the workbench with, read from the jar's
 * {@code launcher-jvm-options.txt}: the packaging scripts pass the same file to jpackage, so {@code bench-start
 * --launcher-options} times a start as the launcher makes it.
 */
final class LauncherOptions {
    static final String RESOURCE = "launcher-jvm-options.txt";

    private LauncherOptions() {
    }

    /** The options, in file order: every line that is neither blank nor a {@code #} comment, trimmed. */
    static List<String> read() {
        try (InputStream in = LauncherOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
