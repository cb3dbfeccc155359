package org.userlm.workbench.ui.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Saved model profiles in {@code profiles.json} under the config folder. Never holds API keys. */
public final class ProfileStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Path protocolFile;

    public ProfileStore(Path configDir) {
        this.file = configDir.resolve("profiles.json");
        this.protocolFile = configDir.resolve("protocol.json");
    }

    /** The saved protocol and grading settings, or null (none yet, or unreadable: the defaults apply). */
    public ProtocolForm.Saved loadProtocol() {
        if (!Files.isRegularFile(protocolFile)) {
            return null;
        }
        try {
            return JSON.readValue(protocolFile.toFile(), ProtocolForm.Saved.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Saves the protocol and grading settings. Blocking: call off the FX thread. */
    public void saveProtocol(ProtocolForm.Saved s) {
        try {
            Files.createDirectories(protocolFile.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(protocolFile.toFile(), s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + protocolFile, e);
        }
    }

    /** Built-ins first, then the saved ones (a saved profile with a built-in's name replaces it). */
    public List<BackendProfile> load() {
        List<BackendProfile> out = new ArrayList<>(BackendProfile.builtIns());
        if (Files.isRegularFile(file)) {
            try {
                List<BackendProfile> saved = JSON.readValue(file.toFile(), new TypeReference<List<BackendProfile>>() {
                });
                for (BackendProfile p : saved) {
                    out.removeIf(x -> x.name().equals(p.name()));
                    out.add(p);
                }
            } catch (IOException e) {
                // A broken profiles file must not stop the app: the built-ins still work.
            }
        }
        return out;
    }

    /** Writes the non-built-in profiles. Blocking: call off the FX thread. */
    public void save(List<BackendProfile> all) {
        List<BackendProfile> mine = all.stream().filter(p -> !BackendProfile.builtIns().contains(p)).toList();
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), mine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
