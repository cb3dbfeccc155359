package org.userlm.workbench.ui.annotation;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/**
 * Child process for {@link KillAfterAnswerTest}: wires the annotation view model exactly as {@link AnnotationView}
 * does (a single io thread, the production repositories), answers one question with key 4, prints "saved" when
 * the view model reports the write, then waits to be killed.
 */
public final class AnswerOnceMain {
    private AnswerOnceMain() {
    }

    public static void main(String[] args) throws Exception {
        SqliteDatabase db = SqliteDatabase.open(Path.of(args[0]));
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch saved = new CountDownLatch(1);
        // Callbacks run on the io lane itself (no FX thread in this process); the lane keeps them in order.
        AnnotationViewModel vm = new AnnotationViewModel(new SqliteConversationRepository(db),
                new SqliteAnnotationRepository(db), new SqliteAnnotationSchemaRepository(db), () -> "alice",
                new ThreadPoolTaskExecutor(Runnable::run), System::currentTimeMillis);
        vm.load();
        vm.savedCountProperty().addListener((o, a, b) -> saved.countDown());
        vm.buildQueue(QueueFilter.all(), queued::countDown);
        queued.await();
        vm.pickOption(4);
        saved.await();
        System.out.println("saved");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
