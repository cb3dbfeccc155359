package org.userlm.workbench.ui.common;

import javafx.scene.control.Label;

/** The words an empty view shows in place of its content: what will be there, and how to get it. */
public final class EmptyState {
    private EmptyState() {
    }

    /** A muted, wrapping label of at most 520 px, styled {@code .empty-state}. */
    public static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("empty-state");
        l.setWrapText(true);
        l.setMaxWidth(520);
        return l;
    }
}
