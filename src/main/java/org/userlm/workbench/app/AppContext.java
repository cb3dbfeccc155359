package org.userlm.workbench.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.DemoChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelCapabilities;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.inference.djl.LoadOptions;
import org.userlm.workbench.inference.djl.LocalModels;
import org.userlm.workbench.inference.djl.ModelLoadException;
import org.userlm.workbench.inference.openai.OpenAiCompatibleClient;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.inference.openai.OpenAiOptions;
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
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteComparisonRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.storage.sqlite.SqliteExperimentRepository;
import org.userlm.workbench.storage.sqlite.SqliteJudgeCache;
import org.userlm.workbench.storage.sqlite.SqlitePlaylistRepository;
import org.userlm.workbench.storage.sqlite.SqliteTaskRepository;
import org.userlm.workbench.storage.sqlite.SqliteTurnLabelRepository;
import org.userlm.workbench.tasks.BundledTasks;

/**
 * The one place that wires implementations: the SQLite database, the repositories, the model backends.
 * Everything else receives interfaces. Close it to release models and the database.
 */
public final class AppContext implements AutoCloseable, ModelProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pace of the offline demo backend: about a fast server's speed, slow enough to watch. */
    private static final int DEMO_TOKENS_PER_SECOND = 28;

    private final SqliteDatabase db;
    private final SqliteConversationRepository conversations;
    private final SqliteTaskRepository tasks;
    private final SqliteAnnotationRepository annotations;
    private final SqliteAnnotationSchemaRepository annotationSchemas;
    private final SqliteComparisonRepository comparisons;
    private final SqliteTurnLabelRepository turnLabels;
    private final SqliteExperimentRepository experiments;
    private final SqliteJudgeCache judgeCache;
    private final SqlitePlaylistRepository playlists;
    private final Map<String, ChatModel> localModels = new ConcurrentHashMap<>();

    private AppContext(SqliteDatabase db) {
        this.db = db;
        this.conversations = new SqliteConversationRepository(db);
        this.tasks = new SqliteTaskRepository(db);
        this.annotations = new SqliteAnnotationRepository(db);
        this.annotationSchemas = new SqliteAnnotationSchemaRepository(db);
        this.comparisons = new SqliteComparisonRepository(db);
        this.turnLabels = new SqliteTurnLabelRepository(db);
        this.experiments = new SqliteExperimentRepository(db);
        this.judgeCache = new SqliteJudgeCache(db);
        this.playlists = new SqlitePlaylistRepository(db);
    }

    /** Opens the database (null: the default file) and makes sure the bundled tasks are in it. */
    public static AppContext open(Path dbFile) {
        AppContext ctx = new AppContext(SqliteDatabase.open(dbFile == null ? SqliteDatabase.defaultFile() : dbFile));
        ctx.tasks.upsert(BundledTasks.load());
        return ctx;
    }

    public ConversationRepository conversations() {
        return conversations;
    }

    /** Evaluations of assistant turns (category, extracted answer, grade). */
    public TurnLabelRepository turnLabels() {
        return turnLabels;
    }

    /** Presenter playlists. */
    public PlaylistRepository playlists() {
        return playlists;
    }

    /** Stored comparisons and blind pairwise judgments. */
    public ComparisonRepository comparisons() {
        return comparisons;
    }

    /** Stored experiments, their cells and planned conversations. */
    public ExperimentRepository experiments() {
        return experiments;
    }

    /** Judge answers cached by (model, prompt version, input). */
    public JudgeCache judgeCache() {
        return judgeCache;
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public AnnotationRepository annotations() {
        return annotations;
    }

    public AnnotationSchemaRepository annotationSchemas() {
        return annotationSchemas;
    }

    public ConversationRunner runner() {
        return new ConversationRunner(conversations);
    }

    public Path databaseFile() {
        return db.file();
    }

    /** Every known task (bundled and imported). */
    public List<Task> allTasks() {
        return tasks.all();
    }

    @Override
    public ChatModel open(BackendSettings s) throws InferenceException {
        return open(s, LoadProgress.NONE);
    }

    @Override
    public ChatModel open(BackendSettings s, LoadProgress progress) throws InferenceException {
        if (s.kind() == BackendKind.LOCAL) {
            return openLocal(s, progress);
        }
        if (DemoChatModel.isDemo(s.baseUrl())) {
            return new DemoChatModel(s.model() == null ? "demo-model" : s.model(), DEMO_TOKENS_PER_SECOND);
        }
        try {
            return new OpenAiCompatibleClient(s, OpenAiOptions.defaults()
                    .withExtraBody(extraBody(s.extraBodyJson()))
                    .withServerBans(s.serverBans()));
        } catch (IllegalArgumentException e) {
            throw new InferenceException("cannot use " + s.label() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One loaded model per folder, shared by every conversation (its worker thread serialises calls). Callers get
     * a borrowed handle: closing it leaves the model loaded for the next conversation; {@link #close()} frees it.
     */
    private ChatModel openLocal(BackendSettings s, LoadProgress progress) throws InferenceException {
        if (s.localPath() == null || s.localPath().isBlank()) {
            throw new InferenceException("no model folder given");
        }
        String key = Path.of(s.localPath()).toAbsolutePath().normalize().toString();
        synchronized (localModels) {
            ChatModel m = localModels.get(key);
            if (m == null) {
                try {
                    m = LocalModels.load(Path.of(key), LoadOptions.defaults(), progress::onProgress, null);
                } catch (ModelLoadException e) {
                    throw new InferenceException(e.getMessage(), e);
                }
                localModels.put(key, m);
            }
            return new Borrowed(m);
        }
    }

    private static Map<String, Object> extraBody(String json) throws InferenceException {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new InferenceException("extra request body is not a JSON object: " + json, e);
        }
    }

    @Override
    public void close() {
        localModels.values().forEach(ChatModel::close);
        localModels.clear();
        db.close();
    }

    /** A shared model handed out to one user; {@code close()} does not unload it. */
    private record Borrowed(ChatModel model) implements ChatModel {
        @Override
        public GenerationResult generate(GenerationRequest request, TokenListener listener,
                                         CancellationToken cancel) throws InferenceException {
            return model.generate(request, listener, cancel);
        }

        @Override
        public String modelName() {
            return model.modelName();
        }

        @Override
        public ModelCapabilities capabilities() {
            return model.capabilities();
        }

        @Override
        public void close() {
            // the model stays loaded; AppContext.close() unloads it
        }
    }
}
