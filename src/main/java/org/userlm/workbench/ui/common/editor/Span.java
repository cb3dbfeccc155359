package org.userlm.workbench.ui.common.editor;

/** A styled range {@code [start, end)} of a text; {@code style} is one of the {@link Tok} style classes. */
public record Span(int start, int end, String style) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
