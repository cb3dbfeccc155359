package org.userlm.workbench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.DemoChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.openai.OpenAiCompatibleClient;
import org.userlm.workbench.simulation.ConversationRunner;
import org.userlm.workbench.storage.AnnotationRepository;
import org.userlm.workbench.storage.AnnotationSchemaRepository;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.ExperimentRepository;
import org.userlm.workbench.storage.JudgeCache;
import org.userlm.workbench.storage.PlaylistRepository;
import org.userlm.workbench.storage.TaskRepository;
import org.userlm.workbench.storage.TurnLabelRepository;
import org.userlm.workbench.storage.sqlite.ThreadGuard;
import org.userlm.workbench.ui.common.WorkbenchServices;

/** The window's services, backed by an {@link AppContext}. */
public final class GuiServices implements WorkbenchServices {
    private final AppContext ctx;

    private GuiServices(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the database (null: the default file). */
    public static GuiServices open(Path db) {
        // No SQLite on the FX thread: logged with its call site (tests fail on it; -Duserlm.strict.threads throws).
        ThreadGuard.install(Platform::isFxApplicationThread, Boolean.getBoolean("userlm.strict.threads"));
        return new GuiServices(AppContext.open(db));
    }

    @Override
    public ConversationRepository conversations() {
        return ctx.conversations();
    }

    @Override
    public TaskRepository tasks() {
        return ctx.tasks();
    }

    @Override
    public ConversationRunner runner() {
        return ctx.runner();
    }

    @Override
    public TurnLabelRepository turnLabels() {
        return ctx.turnLabels();
    }

    @Override
    public PlaylistRepository playlists() {
        return ctx.playlists();
    }

    @Override
    public ComparisonRepository comparisons() {
        return ctx.comparisons();
    }

    @Override
    public AnnotationRepository annotations() {
        return ctx.annotations();
    }

    @Override
    public AnnotationSchemaRepository annotationSchemas() {
        return ctx.annotationSchemas();
    }

    @Override
    public ExperimentRepository experiments() {
        return ctx.experiments();
    }

    @Override
    public JudgeCache judgeCache() {
        return ctx.judgeCache();
    }

    @Override
    public ChatModel open(BackendSettings settings) throws InferenceException {
        return ctx.open(settings);
    }

    @Override
    public ChatModel open(BackendSettings settings, LoadProgress progress) throws InferenceException {
        return ctx.open(settings, progress);
    }

    @Override
    public List<String> testConnection(BackendSettings b) throws InferenceException {
        if (DemoChatModel.isDemo(b.baseUrl())) {
            return List.of(b.model() + " (offline demo)");
        }
        if (b.kind() == BackendKind.LOCAL) {
            Path dir = Path.of(b.localPath());
            if (!Files.isRegularFile(dir.resolve("config.json"))) {
                throw new InferenceException(dir + " is not a model folder (no config.json)");
            }
            return List.of(b.model() + " (local folder)");
        }
        if (b.baseUrl() == null || b.baseUrl().isBlank()) {
            throw new InferenceException("enter the server's base URL, e.g. http://127.0.0.1:8000/v1");
        }
        try (OpenAiCompatibleClient client = new OpenAiCompatibleClient(b)) {
            return client.listModels();
        } catch (IllegalArgumentException e) {
            throw new InferenceException("bad settings: " + e.getMessage(), e);
        }
    }

    @Override
    public String databaseLabel() {
        return String.valueOf(ctx.databaseFile().getFileName());
    }

    @Override
    public Path logFile() {
        return LogFiles.file();
    }

    @Override
    public void close() {
        ctx.close();
    }
}
