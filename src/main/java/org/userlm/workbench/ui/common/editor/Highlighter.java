package org.userlm.workbench.ui.common.editor;

import java.util.List;

/** Splits a text into styled spans. Pure and thread-safe: it runs off the FX thread on a settled snapshot. */
@FunctionalInterface
public interface Highlighter {
    /** Non-overlapping spans in ascending order; unstyled text has no span. */
    List<Span> spans(String text);

    /** Styles nothing (prose). */
    Highlighter NONE = text -> List.of();
}
