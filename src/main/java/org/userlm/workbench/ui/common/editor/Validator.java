package org.userlm.workbench.ui.common.editor;

/** Checks a text; pure and thread-safe (runs off the FX thread on a settled snapshot). */
@FunctionalInterface
public interface Validator {
    /** The first problem, or null when the text is fine. */
    Diagnostic check(String text);

    /** Accepts everything. */
    Validator NONE = text -> null;
}
