package org.userlm.workbench.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * A short notice in the corner of the window (ControlsFX {@link Notifications}) for things that finish while
 * the user looks elsewhere: runs, imports, exports. It hides itself after a few seconds. FX thread.
 */
public final class Notify {
    private Notify() {
    }

    /** Shows {@code text} over the window that holds {@code anchor} (nothing when it is not in a window). */
    public static void info(Node anchor, String title, String text) {
        Window w = anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow();
        show(w, title, text, false);
    }

    /**
     * A notice with one button ({@code actionText}, e.g. "Undo") that runs {@code action} (pressing it twice must
     * be harmless); it stays a little longer than a plain one so there is time to press it.
     */
    public static void withAction(Node anchor, String title, String text, String actionText, Runnable action) {
        Window w = anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (w == null || !w.isShowing() || Boolean.getBoolean("userlm.notifications.off")) {
            return;
        }
        try {
            Notifications.create().title(title).text(text).owner(w).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(10)).action(new Action(actionText, e -> action.run()))
                    .showInformation();
        } catch (RuntimeException e) {
            // As above: the view keeps its own Undo button and status line.
        }
    }

    public static void show(Window owner, String title, String text, boolean error) {
        if (owner == null || !owner.isShowing() || Boolean.getBoolean("userlm.notifications.off")) {
            return;
        }
        try {
            Notifications n = Notifications.create().title(title).text(text).owner(owner)
                    .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(error ? 8 : 4));
            if (error) {
                n.showError();
            } else {
                n.showInformation();
            }
        } catch (RuntimeException e) {
            // A notice that cannot be shown is not worth an error: the status line says the same.
        }
    }
}
