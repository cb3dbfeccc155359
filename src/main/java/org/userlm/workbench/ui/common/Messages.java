package org.userlm.workbench.ui.common;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;

/** Turns exceptions into one short line for the researcher (never a stack trace). */
public final class Messages {
    private Messages() {
    }

    public static String shortMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof CompletionException
                || t instanceof UndeclaredThrowableException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 297) + "…" : m;
    }
}
