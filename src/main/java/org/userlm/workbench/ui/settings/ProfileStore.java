package org.userlm.workbench.ui.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.simulation.GuardrailPreset;

/**
 * Saved model profiles in {@code profiles.json} under the config folder, and which of them each workspace had
 * selected ({@code selection-<workspace>.json}, by name). Never holds API keys: profiles keep the variable's name.
 */
public final class ProfileStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path dir;
    private final Path file;
    private final Path protocolFile;

    /**
     * The profiles a workspace had selected, by profile name.
     *
     * @param simulator the simulator profile (Live), or null
     * @param assistant the assistant profile
     * @param rows      Compare's simulator rows, or null (Live)
     */
    public record Selection(String simulator, String assistant, List<Row> rows) {
    }

    /** One Compare row: its display name, simulator kind, profile name and guardrail preset. */
    public record Row(String name, SimulatorKind kind, String profile, GuardrailPreset guardrails) {
    }

    public ProfileStore(Path configDir) {
        this.dir = configDir;
        this.file = configDir.resolve("profiles.json");
        this.protocolFile = configDir.resolve("protocol.json");
    }

    /** What {@code workspace} ("live", "compare") had selected, or empty (none yet, or unreadable). */
    public Optional<Selection> loadSelection(String workspace) {
        Path f = dir.resolve("selection-" + workspace + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(f.toFile(), Selection.class));
        } catch (IOException e) {
            return Optional.empty(); // a damaged file only costs the remembered selection
        }
    }

    /** Remembers what {@code workspace} has selected. Blocking: call off the FX thread. */
    public void saveSelection(String workspace, Selection s) {
        Path f = dir.resolve("selection-" + workspace + ".json");
        try {
            Files.createDirectories(dir);
            JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /** The profile called {@code name} among {@code all}, or empty. */
    public static Optional<BackendProfile> named(List<BackendProfile> all, String name) {
        return name == null ? Optional.empty() : all.stream().filter(p -> p.name().equals(name)).findFirst();
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
