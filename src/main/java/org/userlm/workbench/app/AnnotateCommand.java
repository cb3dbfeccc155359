package org.userlm.workbench.app;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.userlm.workbench.storage.sqlite.ThreadGuard;
import org.userlm.workbench.ui.annotation.AnnotationView;
import org.userlm.workbench.ui.annotation.AnnotationViewModel;
import org.userlm.workbench.ui.annotation.AnnotatorName;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code annotate}: the annotation view in a window of its own (the main window hosts the same view as a tab). */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Open the keyboard-first annotation window on a database.")
final class AnnotateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Option(names = "--annotator", paramLabel = "NAME",
            description = "annotator name (default: asked once, then remembered)")
    String annotator;

    /** Application subclasses get no constructor arguments; the command hands them over here. */
    private static volatile AppContext context;
    private static volatile Supplier<String> annotatorName;

    @Override
    public Integer call() {
        AppProperties.preferSoftwareRendering();
        try (AppContext ctx = AppContext.open(db.given())) {
            context = ctx;
            annotatorName = annotator != null ? () -> annotator : AnnotatorName.fromPreferences();
            Application.launch(Window.class);
        }
        return 0;
    }

    /** The window. */
    public static final class Window extends Application {
        private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(Platform::runLater);

        @Override
        public void start(Stage stage) {
            AppContext ctx = context;
            ThreadGuard.install(Platform::isFxApplicationThread, Boolean.getBoolean("userlm.strict.threads"));
            AnnotationViewModel vm = new AnnotationViewModel(ctx.conversations(), ctx.annotations(),
                    ctx.annotationSchemas(), annotatorName, executor, System::currentTimeMillis);
            AnnotationView view = new AnnotationView(vm);
            vm.load();
            stage.setTitle("UserLM Workbench — annotation (" + ctx.databaseFile() + ")");
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
        }

        @Override
        public void stop() {
            executor.shutdown();
        }
    }
}
