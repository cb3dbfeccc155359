package org.userlm.workbench.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Whether a node is (nearly) on screen, for parts of a window that are built when first needed: a code editor's
 * RichTextFX area, a settings card below the fold. FX thread.
 */
public final class Viewport {
    private Viewport() {
    }

    /**
     * Whether {@code node} is in a showing window, it and all its ancestors visible, and within {@code ahead} pixels
     * of the part of the window that each of its scroll panes shows.
     */
    public static boolean near(Node node, double ahead) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()
                || node.getLayoutBounds().getHeight() <= 0) {
            return false;
        }
        Bounds view = grow(new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()), ahead);
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
            if (n instanceof ScrollPane sp) {
                view = intersection(view, grow(sp.localToScene(sp.getLayoutBounds()), ahead));
                if (view == null) {
                    return false;
                }
            }
        }
        return view.intersects(node.localToScene(node.getLayoutBounds()));
    }

    /**
     * Runs {@code action} once, posted with {@code runLater}, after a layout pass of the node's scene finds it
     * {@link #near}: a pulse comes with every scroll, unfolding, tab switch or visibility change, so each of them is
     * seen. Follows the node into another scene. Returns what cancels the watch (also done before the action runs).
     */
    public static Runnable whenNear(Node node, double ahead, Runnable action) {
        Watch w = new Watch(node, ahead, action);
        node.sceneProperty().addListener(w.sceneChanged);
        w.move(node.getScene());
        return w::cancel;
    }

    private static final class Watch implements Runnable {
        private final Node node;
        private final double ahead;
        private final Runnable action;
        private final ChangeListener<Scene> sceneChanged = (o, was, now) -> move(now);
        private Scene scene;
        private boolean done;

        Watch(Node node, double ahead, Runnable action) {
            this.node = node;
            this.ahead = ahead;
            this.action = action;
        }

        void move(Scene now) {
            if (scene != null) {
                scene.removePostLayoutPulseListener(this);
            }
            scene = done ? null : now;
            if (scene != null) {
                scene.addPostLayoutPulseListener(this);
            }
        }

        @Override
        public void run() {
            if (!done && near(node, ahead)) {
                done = true;
                Platform.runLater(() -> {
                    cancel(); // not while the scene walks its pulse listeners
                    action.run();
                });
            }
        }

        void cancel() {
            done = true;
            node.sceneProperty().removeListener(sceneChanged);
            move(null);
        }
    }

    private static Bounds grow(Bounds b, double by) {
        return new BoundingBox(b.getMinX() - by, b.getMinY() - by, b.getWidth() + 2 * by, b.getHeight() + 2 * by);
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 < x0 || y1 < y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }
}
