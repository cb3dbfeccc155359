package org.userlm.workbench.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.userlm.workbench.domain.Task;

/**
 * The task set written for this project and shipped in the jar ({@code /tasks/bundled.json}, LiC format):
 * original math word problems and small Python function tasks, each sharded.
 */
public final class BundledTasks {
    /** Classpath location of the bundled set. */
    public static final String RESOURCE = "/tasks/bundled.json";

    private BundledTasks() {
    }

    /**
     * Reads the bundled tasks from the classpath.
     *
     * @return the bundled tasks in file order
     * @throws IllegalStateException when the resource is missing or malformed (a build error, not a user one)
     */
    public static List<Task> load() {
        try (InputStream in = BundledTasks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled task resource " + RESOURCE + " is missing from the classpath");
            }
            return TaskFiles.parse("bundled.json", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (TaskFormatException e) {
            throw new IllegalStateException("bundled tasks are malformed: " + e.getMessage(), e);
        }
    }
}
