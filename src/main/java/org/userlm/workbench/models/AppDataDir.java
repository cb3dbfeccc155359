package org.userlm.workbench.models;

import java.nio.file.Path;

/**
 * The workbench's data folder: {@code -Duserlm.data.dir}, else {@code $XDG_DATA_HOME/userlm-workbench}, else
 * {@code ~/.local/share/userlm-workbench} (the folder that also holds the default database).
 */
public final class AppDataDir {
    private AppDataDir() {
    }

    /** The data folder (not created). */
    public static Path root() {
        String p = System.getProperty("userlm.data.dir");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("userlm-workbench");
    }

    /** User model descriptors ({@code *.json}). */
    public static Path descriptors() {
        return root().resolve("models");
    }

    /** Default target of downloads: one folder per repository, {@code owner--name}. */
    public static Path downloads() {
        return root().resolve("downloads");
    }

    /** Runtime libraries installed by the workbench (the CUDA libtorch). */
    public static Path runtimes() {
        return root().resolve("runtimes");
    }

    /** The default download folder of a Hub repository. */
    public static Path downloadFolder(String repo) {
        return downloads().resolve(repo.replace("/", "--"));
    }
}
