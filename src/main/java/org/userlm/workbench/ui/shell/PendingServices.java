package org.userlm.workbench.ui.shell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.simulation.ConversationRunner;
import org.userlm.workbench.storage.AnnotationRepository;
import org.userlm.workbench.storage.AnnotationSchemaRepository;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.TaskRepository;
import org.userlm.workbench.ui.common.WorkbenchServices;

/**
 * The services while they are being opened on their own thread (database open and crash recovery), so that the
 * FX thread builds the window at the same time. Each call waits for the open to finish; a failed open is thrown
 * from the first call (and from {@link #await}, which {@code WorkbenchApp.start} calls once the window is built).
 */
final class PendingServices implements WorkbenchServices {
    private final CompletableFuture<WorkbenchServices> opening;

    PendingServices(Supplier<WorkbenchServices> open) {
        opening = CompletableFuture.supplyAsync(open, r -> {
            Thread t = new Thread(r, "services-open");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The open services; waits for them. */
    WorkbenchServices await() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public ConversationRepository conversations() {
        return await().conversations();
    }

    @Override
    public TaskRepository tasks() {
        return await().tasks();
    }

    @Override
    public ConversationRunner runner() {
        return await().runner();
    }

    @Override
    public ComparisonRepository comparisons() {
        return await().comparisons();
    }

    @Override
    public AnnotationRepository annotations() {
        return await().annotations();
    }

    @Override
    public AnnotationSchemaRepository annotationSchemas() {
        return await().annotationSchemas();
    }

    @Override
    public List<String> testConnection(BackendSettings backend) throws InferenceException {
        return await().testConnection(backend);
    }

    @Override
    public String databaseLabel() {
        return await().databaseLabel();
    }

    @Override
    public ChatModel open(BackendSettings settings) throws InferenceException {
        return await().open(settings);
    }

    @Override
    public ChatModel open(BackendSettings settings, LoadProgress progress) throws InferenceException {
        return await().open(settings, progress);
    }

    @Override
    public void close() {
        if (!opening.isCompletedExceptionally()) {
            await().close();
        }
    }
}
