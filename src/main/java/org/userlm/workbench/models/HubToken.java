package org.userlm.workbench.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Hub token and endpoint come from; the token is read when needed, never stored by the workbench and
 * never printed. Order: environment {@code HF_TOKEN}, then the same name as a system property, then the token
 * file that {@code huggingface-cli login} writes ({@code HF_TOKEN_PATH}, else {@code $HF_HOME/token}).
 */
public final class HubToken {
    private HubToken() {
    }

    /** The token, or null. */
    public static String find() {
        String t = setting("HF_TOKEN");
        if (t != null && !t.isBlank()) {
            return t.strip();
        }
        String path = setting("HF_TOKEN_PATH");
        Path f = path != null && !path.isBlank() ? Path.of(path) : HfCache.hfHome().resolve("token");
        try {
            if (Files.isRegularFile(f)) {
                String s = Files.readString(f).strip();
                return s.isEmpty() ? null : s;
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        return null;
    }

    /** An environment variable, else the system property of the same name, else null. */
    public static String setting(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            v = System.getProperty(name);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
