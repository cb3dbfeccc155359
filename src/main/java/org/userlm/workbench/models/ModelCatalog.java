package org.userlm.workbench.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known models: the descriptors bundled in the jar ({@code /models/index.json} lists them) and the user's
 * own ({@code *.json} in {@link AppDataDir#descriptors()}); a user descriptor with a bundled id replaces it.
 * A user file that cannot be read is skipped and reported in {@link #problems()}, never fatal.
 */
public final class ModelCatalog {
    /** The JSON mapper for descriptors (snake_case fields). */
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<ModelDescriptor> descriptors;
    private final List<String> problems;

    private ModelCatalog(List<ModelDescriptor> descriptors, List<String> problems) {
        this.descriptors = List.copyOf(descriptors);
        this.problems = List.copyOf(problems);
    }

    /** Bundled descriptors plus those in the default user folder. */
    public static ModelCatalog load() {
        return load(AppDataDir.descriptors());
    }

    /** Bundled descriptors plus those in {@code userDir} (may not exist). */
    public static ModelCatalog load(Path userDir) {
        Map<String, ModelDescriptor> byId = new LinkedHashMap<>();
        for (ModelDescriptor d : bundled()) {
            byId.put(d.id(), d);
        }
        List<String> problems = new ArrayList<>();
        if (userDir != null && Files.isDirectory(userDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(userDir, "*.json")) {
                List<Path> files = new ArrayList<>();
                ds.forEach(files::add);
                Collections.sort(files);
                for (Path f : files) {
                    try (InputStream in = Files.newInputStream(f)) {
                        ModelDescriptor d = parse(in, f.toString());
                        byId.put(d.id(), d);
                    } catch (IOException | IllegalArgumentException e) {
                        problems.add(f + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                problems.add(userDir + ": " + e.getMessage());
            }
        }
        return new ModelCatalog(new ArrayList<>(byId.values()), problems);
    }

    /** The descriptors that ship in the jar, in {@code index.json} order. */
    public static List<ModelDescriptor> bundled() {
        try (InputStream idx = resource("index.json")) {
            List<ModelDescriptor> out = new ArrayList<>();
            for (JsonNode name : JSON.readTree(idx)) {
                try (InputStream in = resource(name.asText())) {
                    out.add(parse(in, "bundled"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled model descriptors are unreadable", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ModelCatalog.class.getResourceAsStream("/models/" + name);
        if (in == null) {
            throw new IOException("missing resource /models/" + name);
        }
        return in;
    }

    /** Parses one descriptor; throws with a message naming the missing field. */
    static ModelDescriptor parse(InputStream in, String source) throws IOException {
        ModelDescriptor d;
        try {
            d = JSON.readValue(in, ModelDescriptor.class);
        } catch (JsonProcessingException e) {
            throw new IOException("not a model descriptor: " + e.getOriginalMessage(), e);
        }
        require(d.id(), "id");
        require(d.repo(), "repo");
        if (!d.repo().matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("repo must look like owner/name: " + d.repo());
        }
        return new ModelDescriptor(d.id(), d.name() == null ? d.id() : d.name(), d.repo(),
                d.revision() == null ? "main" : d.revision(), d.role() == null ? "assistant" : d.role(),
                d.description(), d.licence(), d.architecture(), d.parameters(), d.storedDtype(),
                d.files() == null ? List.of() : d.files(), d.filesNote(),
                d.contextTokens() <= 0 ? 8192 : d.contextTokens(), d.memory() == null ? List.of() : d.memory(),
                d.sampling(), source);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
    }

    public List<ModelDescriptor> descriptors() {
        return descriptors;
    }

    /** Messages about user descriptor files that were skipped. */
    public List<String> problems() {
        return problems;
    }

    /** The descriptor with this id or repo (case-insensitive). */
    public Optional<ModelDescriptor> find(String idOrRepo) {
        return descriptors.stream().filter(d -> d.id().equalsIgnoreCase(idOrRepo)
                || d.repo().equalsIgnoreCase(idOrRepo)).findFirst();
    }
}
