package org.userlm.workbench.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.ui.settings.SettingsView;

/**
 * The Live workspace's settings column as a drawer. On a wide window it is docked at the right (drag its edge
 * to resize); below {@link #NARROW} it folds away and, when opened with the header's "⚙ Settings" toggle,
 * slides over the conversation instead of squeezing it. It comes back docked when the window is wide again,
 * unless the user closed it. The tasks divider and the drawer width are kept in {@code ui-layout.json}.
 *
 * <p>Its content (the settings view, about two thirds of the window's nodes) is built on first need: when the
 * drawer opens, or by {@link #build()}, which the window calls once its first frame is laid out (while that frame
 * renders). Until then an empty holder of
 * the same width keeps the place, so the first frame has the final layout and costs a third less (bench-start).
 */
final class SettingsDrawer {
    static final double NARROW = 1200;
    private static final Logger LOG = LoggerFactory.getLogger(SettingsDrawer.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What is kept between runs. */
    record Layout(double left, double drawerWidth, Boolean open) {
    }

    private final SplitPane split;
    /** Holds the settings view once built; sized and placed as the drawer. */
    private final StackPane drawer = new StackPane();
    private Supplier<? extends Region> content;
    /** The settings view once built. */
    private Region view;
    private final HBox dock;
    private final BorderPane base;
    private final StackPane root;
    private final ToggleButton toggle = new ToggleButton("⚙  Settings");
    private final Path file;
    private double drawerWidth;
    private boolean userClosed;
    private boolean auto;
    private boolean narrow;
    private boolean placed;
    private double dragX;
    private double dragWidth;

    SettingsDrawer(SplitPane split, Supplier<? extends Region> content, Path configDir) {
        this.split = split;
        this.content = content;
        drawer.setId("settingsDrawer");
        this.file = configDir.resolve("ui-layout.json");
        Layout saved = load();
        drawerWidth = saved.drawerWidth();
        userClosed = Boolean.FALSE.equals(saved.open());
        split.setDividerPositions(saved.left());
        Region handle = new Region();
        handle.getStyleClass().add("drawer-handle");
        handle.setCursor(Cursor.H_RESIZE);
        handle.setPrefWidth(5);
        handle.setOnMousePressed(e -> {
            dragX = e.getScreenX();
            dragWidth = drawer.getWidth();
        });
        handle.setOnMouseDragged(e -> setDrawerWidth(dragWidth + dragX - e.getScreenX()));
        dock = new HBox(handle);
        dock.getStyleClass().add("drawer-dock");
        base = new BorderPane(split);
        root = new StackPane(base);
        toggle.setId("settingsToggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Show or hide the settings drawer"));
        toggle.selectedProperty().addListener((o, was, on) -> {
            if (!auto) {
                userClosed = !on;
                if (on) {
                    build(); // opened by hand before the deferred build came
                }
            }
            place();
        });
        setDrawerWidth(drawerWidth);
    }

    /** The Live workspace: tasks | conversation, with the drawer docked or over it. */
    Node node() {
        return root;
    }

    ToggleButton toggle() {
        return toggle;
    }

    /** Builds the settings view if not yet done (on the FX thread). */
    void build() {
        if (content != null) {
            view = content.get();
            content = null;
            drawer.getChildren().setAll(view);
        }
    }

    /** Whether the settings view exists with every card in view built (a deferring view builds the others later). */
    boolean isCompleteInView() {
        return isBuilt() && (!(view instanceof SettingsView v) || v.completeInView());
    }

    /** Whether the settings view exists with every card built (a deferring view builds some later). */
    boolean isComplete() {
        return isBuilt() && (!(view instanceof SettingsView v) || v.complete());
    }

    /** Whether the settings view exists. */
    boolean isBuilt() {
        return content == null;
    }

    private void setDrawerWidth(double w) {
        drawerWidth = Math.max(500, Math.min(w, 760));
        drawer.setPrefWidth(drawerWidth);
        drawer.setMaxWidth(drawerWidth);
    }

    /** Follows the window width: folds below {@link #NARROW}, docks above it unless the user closed it. */
    void widthChanged(double width) {
        boolean nowNarrow = width < NARROW;
        boolean changed = nowNarrow != narrow || !placed;
        placed = true;
        narrow = nowNarrow;
        boolean want = !narrow && !userClosed;
        if (changed && want != toggle.isSelected()) {
            auto = true;
            toggle.setSelected(want);
            auto = false;
        } else {
            place();
        }
    }

    private void place() {
        dock.getChildren().remove(drawer);
        root.getChildren().remove(drawer);
        drawer.getStyleClass().remove("drawer-overlay");
        base.setRight(null);
        if (!toggle.isSelected()) {
            return;
        }
        if (narrow) {
            drawer.getStyleClass().add("drawer-overlay");
            StackPane.setAlignment(drawer, Pos.CENTER_RIGHT);
            root.getChildren().add(drawer);
        } else {
            dock.getChildren().add(drawer);
            base.setRight(dock);
        }
    }

    boolean isOpen() {
        return toggle.isSelected();
    }

    void save() {
        double[] d = split.getDividerPositions();
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), new Layout(d.length > 0 ? d[0] : 0.25, drawerWidth, !userClosed));
        } catch (IOException e) {
            LOG.warn("cannot save the layout to {}", file, e);
        }
    }

    private Layout load() {
        if (Files.isRegularFile(file)) {
            try {
                Layout l = JSON.readValue(file.toFile(), Layout.class);
                if (l.left() > 0.05 && l.left() < 0.6 && l.drawerWidth() >= 500) {
                    return l;
                }
            } catch (IOException e) {
                // A damaged layout file only costs the divider positions.
            }
        }
        return new Layout(0.22, 520, true);
    }
}
