package org.userlm.workbench.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Window geometry, theme, the last task and left tab, kept in {@code ui-state.json} under the config folder. The
 * chosen profiles are remembered by the settings themselves ({@code selection-live.json}); older files that still
 * name them load (unknown fields are ignored).
 */
public record UiState(Double x, Double y, Double width, Double height, Boolean maximized, Boolean dark,
                      String taskId, Integer leftTab) {
    private static final Logger LOG = LoggerFactory.getLogger(UiState.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static UiState load(Path configDir) {
        Path f = configDir.resolve("ui-state.json");
        if (Files.isRegularFile(f)) {
            try {
                return JSON.readValue(f.toFile(), UiState.class);
            } catch (IOException e) {
                // A damaged state file only costs the saved layout.
                LOG.warn("ignoring unreadable window state {}", f, e);
            }
        }
        return new UiState(null, null, null, null, false, false, null, 0);
    }

    void save(Path configDir) {
        try {
            Files.createDirectories(configDir);
            JSON.writerWithDefaultPrettyPrinter().writeValue(configDir.resolve("ui-state.json").toFile(), this);
        } catch (IOException e) {
            LOG.warn("cannot save window state to {}", configDir, e);
        }
    }

    /** {@code -Duserlm.config.dir}, else {@code $XDG_CONFIG_HOME/userlm-workbench}, else {@code ~/.config/...}. */
    public static Path configDir() {
        String p = System.getProperty("userlm.config.dir");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("userlm-workbench");
    }
}
