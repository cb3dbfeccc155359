package org.userlm.workbench.ui.annotation;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/** Conversations to annotate: each has user, assistant, user, assistant turns. */
final class AnnotationFixtures {
    private AnnotationFixtures() {
    }

    static Conversation conversation(String id, String simulator, long createdAt) {
        return conversation(id, simulator, createdAt, "how many apples does tom have");
    }

    /** The same conversation with {@code firstUserText} as its first turn (markdown, say). */
    static Conversation conversation(String id, String simulator, long createdAt, String firstUserText) {
        return new Conversation(id, null, "t-" + id, "title " + id, simulator, "UserLM-8b", "gpt-4o-mini",
                "find out how many apples Tom has", "sys", "{}", null, null, null, createdAt, List.of(
                        turn(0, Role.USER, firstUserText, "UserLM-8b"),
                        turn(1, Role.ASSISTANT, "Could you tell me how many boxes he has?", "gpt-4o-mini"),
                        turn(2, Role.USER, "3 boxes of 4", "UserLM-8b"),
                        turn(3, Role.ASSISTANT, "He has 12 apples.", "gpt-4o-mini")));
    }

    private static Turn turn(int i, Role r, String text, String model) {
        Turn t = Turn.typed(i, r, text);
        return new Turn(i, r, text, text, t.status(), null, 1L, null, 1L, null, null, null, model, List.of(), false,
                null);
    }

    /**
     * Seeds and opens {@code file} off the FX thread ({@code @Start} methods run on it, where the database is
     * off-limits), waiting for it.
     */
    static SqliteDatabase seedAndOpen(Path file, Consumer<Path> seeding) {
        return CompletableFuture.supplyAsync(() -> {
            seeding.accept(file);
            return SqliteDatabase.open(file);
        }).join();
    }

    /** The annotation view as the main window wires it, loading in the background. */
    static AnnotationView view(SqliteDatabase db, String annotator) {
        SqliteAnnotationRepository answers = new SqliteAnnotationRepository(db);
        AnnotationViewModel vm = new AnnotationViewModel(new SqliteConversationRepository(db), answers, new SqliteAnnotationSchemaRepository(db), () -> annotator,
                new ThreadPoolTaskExecutor(Platform::runLater), System::currentTimeMillis);
        AnnotationView view = new AnnotationView(vm, () -> AgreementDialog.show(answers, vm.schema()));
        vm.load();
        return view;
    }

    /** A database at {@code file} with conversations c1 (userlm) and c2 (prompted). */
    static void seed(Path file) {
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            var repo = new SqliteConversationRepository(db);
            repo.create(conversation("c1", "userlm", 1_000));
            repo.create(conversation("c2", "prompted", 2_000));
        }
    }
}
