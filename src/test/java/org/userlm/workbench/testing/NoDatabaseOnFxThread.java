package org.userlm.workbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.userlm.workbench.storage.sqlite.ThreadGuard;

/**
 * Registered for every test (META-INF/services, autodetection on in junit-platform.properties): SQLite on the JavaFX
 * application thread fails the test that did it, even when the exception was swallowed by the FX thread.
 */
public final class NoDatabaseOnFxThread implements BeforeEachCallback, AfterEachCallback {
    private static final String FX_THREAD = "JavaFX Application Thread";

    @Override
    public void beforeEach(ExtensionContext context) {
        // The thread's name, not Platform.isFxApplicationThread(): that would touch the toolkit in plain tests.
        ThreadGuard.install(() -> FX_THREAD.equals(Thread.currentThread().getName()), true);
        ThreadGuard.drainViolations();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<IllegalStateException> v = ThreadGuard.drainViolations();
        if (!v.isEmpty()) {
            fail(v.size() + " database call(s) on the FX thread:\n" + v.stream()
                    .map(e -> e.getMessage() + " at " + callSite(e)).collect(Collectors.joining("\n")), v.get(0));
        }
    }

    private static String callSite(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.userlm.workbench.ui.")) {
                return f.toString();
            }
        }
        return e.getStackTrace().length > 2 ? e.getStackTrace()[2].toString() : "?";
    }
}
