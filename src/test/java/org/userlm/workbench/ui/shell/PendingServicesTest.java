package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.ui.common.WorkbenchServices;

/** Services opened on their own thread: calls wait for the open, a failed open surfaces from the first call. */
class PendingServicesTest {
    private static WorkbenchServices fake(String label) {
        return (WorkbenchServices) Proxy.newProxyInstance(WorkbenchServices.class.getClassLoader(),
                new Class<?>[] {WorkbenchServices.class},
                (p, m, a) -> m.getName().equals("databaseLabel") ? label : null);
    }

    @Test
    void opensOnItsOwnThreadAndCallsWaitForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        PendingServices s = new PendingServices(() -> {
            thread.set(Thread.currentThread().getName());
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return fake("db.sqlite");
        });
        AtomicReference<String> seen = new AtomicReference<>();
        Thread caller = new Thread(() -> seen.set(s.databaseLabel()));
        caller.start();
        caller.join(200);
        assertTrue(caller.isAlive(), "the call waits while the services are opening");
        release.countDown();
        caller.join(5000);
        assertEquals("db.sqlite", seen.get());
        assertEquals("services-open", thread.get());
        assertNotEquals(Thread.currentThread().getName(), thread.get());
    }

    @Test
    void aFailedOpenIsThrownAsItWasAndCloseIsQuiet() {
        StorageException boom = new StorageException("cannot open database x: not a database");
        PendingServices s = new PendingServices(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(StorageException.class, s::await));
        assertSame(boom, assertThrows(StorageException.class, s::conversations));
        s.close();
    }
}
