package org.userlm.workbench.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Gives every dialog and chooser an owner window. Without one, closing a dialog on a display with no window
 * manager (Xvfb, kiosks) hands the keyboard focus to nobody: the main window stays unfocused until restart, so keys
 * go nowhere and dropdowns do not take the keyboard (see docs/decisions/i13-dropdowns-after-dialogs.md). With an
 * owner, JavaFX gives the focus back to it. FX thread.
 */
public final class Owners {
    private Owners() {
    }

    /** The window that holds {@code node}, or else the app's active window (may be null before any is shown). */
    public static Window of(Node node) {
        Window w = node == null || node.getScene() == null ? null : node.getScene().getWindow();
        return w != null && w.isShowing() ? w : active();
    }

    /** The focused window of the app, else the first showing stage (for code that opens a dialog without a node). */
    public static Window active() {
        Window first = null;
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage && w.isShowing()) {
                if (w.isFocused()) {
                    return w;
                }
                first = first == null ? w : first;
            }
        }
        return first;
    }

    /** Owns {@code d} by the window of {@code anchor} (window-modal) and returns it. */
    public static <D extends Dialog<?>> D own(D d, Node anchor) {
        return own(d, of(anchor));
    }

    /** Owns {@code d} by {@code owner} (window-modal; the active window when null) and returns it. */
    public static <D extends Dialog<?>> D own(D d, Window owner) {
        Window w = owner != null ? owner : active();
        if (w != null && d.getOwner() == null) {
            d.initOwner(w);
            d.initModality(Modality.WINDOW_MODAL);
        }
        return d;
    }
}
