package org.userlm.workbench.ui.common;

import java.nio.file.Path;
import java.util.List;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;
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

/**
 * What the window needs from the rest of the application. Implemented in {@code app}, so the UI never imports the
 * SQLite or HTTP implementations (and {@code ui} does not depend on {@code app}: no package cycle).
 */
public interface WorkbenchServices extends ModelProvider, AutoCloseable {

    ConversationRepository conversations();

    TaskRepository tasks();

    ConversationRunner runner();

    /** Evaluations of assistant turns (category chips, extracted answers, grades). */
    TurnLabelRepository turnLabels();

    /** Stored comparisons and blind judgments (the Compare workspace). */
    ComparisonRepository comparisons();

    /** Presenter playlists (presenter mode). */
    PlaylistRepository playlists();

    /** Annotations (the Annotate workspace). */
    AnnotationRepository annotations();

    /** Annotation schemas (the Annotate workspace). */
    AnnotationSchemaRepository annotationSchemas();

    /** Stored experiments (the Experiments workspace). Default: none (test doubles that do not need them). */
    default ExperimentRepository experiments() {
        throw new UnsupportedOperationException("these services hold no experiments");
    }

    /** Judge answers cached by (model, prompt version, input) (experiment reports). */
    default JudgeCache judgeCache() {
        throw new UnsupportedOperationException("these services hold no judge cache");
    }

    /** Lists the backend's models, or explains in one line why it cannot. Blocking: call off the FX thread. */
    List<String> testConnection(BackendSettings backend) throws InferenceException;

    /** Where the data lives, for the status bar. */
    String databaseLabel();

    /** The rolling log file (shown in the cheat sheet), or null where nothing is logged to a file. */
    default Path logFile() {
        return null;
    }

    @Override
    void close();
}
