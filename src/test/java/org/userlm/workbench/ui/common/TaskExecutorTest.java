package org.userlm.workbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Both executors call back in the same order; the pool runs the work on another thread and callbacks on "ui". */
class TaskExecutorTest {

    @Test
    void currentThreadExecutorRunsWorkAndCallbacksBeforeReturning() throws Exception {
        List<String> seen = new ArrayList<>();
        Future<Integer> f = BackgroundTask.wrap(() -> 6 * 7)
                .onRunning(() -> seen.add("running"))
                .onSuccess(v -> seen.add("success " + v))
                .onFinished(() -> seen.add("finished"))
                .executeWith(new CurrentThreadTaskExecutor());
        assertEquals(List.of("running", "success 42", "finished"), seen);
        assertEquals(42, f.get());
    }

    @Test
    void failuresReachOnFailureAndTheFuture() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Throwable> failures = new ArrayList<>();
        Future<Object> f = BackgroundTask.wrap(() -> {
            throw boom;
        }).onFailure(failures::add).executeWith(new CurrentThreadTaskExecutor());
        assertEquals(List.of(boom), failures);
        ExecutionException e = Assertions.assertThrows(ExecutionException.class, f::get);
        assertSame(boom, e.getCause());
    }

    @Test
    void afterShutdownTasksAreDropped() {
        CurrentThreadTaskExecutor ex = new CurrentThreadTaskExecutor();
        ex.shutdown();
        List<String> seen = new ArrayList<>();
        Future<?> f = BackgroundTask.wrap(() -> seen.add("ran")).executeWith(ex);
        assertTrue(f.isCancelled());
        assertEquals(List.of(), seen);
    }

    @Test
    void poolRunsWorkOffTheUiThreadAndCallbacksOnIt() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        ThreadPoolTaskExecutor ex = new ThreadPoolTaskExecutor(ui::add);
        try {
            Thread caller = Thread.currentThread();
            List<String> seen = new ArrayList<>();
            Future<String> f = BackgroundTask.wrap(() -> Thread.currentThread().getName())
                    .onSuccess(name -> seen.add("success on " + (Thread.currentThread() == caller ? "ui" : "other")))
                    .executeWith(ex);
            String worker = f.get(10, TimeUnit.SECONDS);
            assertTrue(worker.startsWith("workbench-bg-"), worker);
            // The callbacks wait in the "ui" queue until the ui thread (this one) runs them: running, success.
            for (int i = 0; i < 2; i++) {
                ui.poll(10, TimeUnit.SECONDS).run();
            }
            assertEquals(List.of("success on ui"), seen);
        } finally {
            ex.shutdown();
        }
    }
}
