package org.userlm.workbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Model folders on this machine: downloads made by the workbench (each with a {@code .userlm-download.json}
 * manifest naming its repo and revision) and snapshots in the Hugging Face cache.
 */
public final class LocalFolders {
    /** The manifest a finished download leaves in its folder. */
    public static final String MANIFEST = ".userlm-download.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalFolders() {
    }

    /**
     * A folder that holds a model.
     *
     * @param repo     Hub repository, or null when unknown
     * @param revision revision, or null
     * @param dir      the folder
     * @param source   {@code workbench} or {@code hf-cache}
     * @param bytes    size on disk
     * @param loadable config.json and safetensors present, no partial file
     */
    public record Folder(String repo, String revision, Path dir, String source, long bytes, boolean loadable) {
    }

    /** Workbench downloads under {@code downloads} and snapshots in the cache {@code hub}. */
    public static List<Folder> scan(Path downloads, Path hub) {
        List<Folder> out = new ArrayList<>();
        if (Files.isDirectory(downloads)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(downloads, Files::isDirectory)) {
                for (Path d : ds) {
                    out.add(folder(d));
                }
            } catch (IOException e) {
                // an unreadable folder lists nothing
            }
        }
        out.sort(Comparator.comparing(Folder::dir));
        for (HfCache.CachedModel m : HfCache.scan(hub)) {
            out.add(new Folder(m.repo(), m.ref() != null ? m.ref() : m.commit(), m.dir(), "hf-cache", m.bytes(),
                    m.loadable()));
        }
        return out;
    }

    private static Folder folder(Path d) {
        String repo = null;
        String rev = null;
        try {
            JsonNode m = JSON.readTree(d.resolve(MANIFEST).toFile());
            repo = m.path("repo").asText(null);
            rev = m.path("revision").asText(null);
        } catch (IOException e) {
            // no manifest: an interrupted or hand-made folder
        }
        long bytes = 0;
        boolean partial = false;
        boolean weights = false;
        try (var s = Files.walk(d)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(p);
                partial |= p.toString().endsWith(".incomplete");
                weights |= p.toString().endsWith(".safetensors");
            }
        } catch (IOException e) {
            partial = true;
        }
        return new Folder(repo, rev, d, "workbench", bytes,
                !partial && weights && Files.isRegularFile(d.resolve("config.json")));
    }

    /** Writes the manifest of a finished download. */
    public static void writeManifest(DownloadResult r, String commit) throws IOException {
        ObjectNode o = JSON.createObjectNode().put("repo", r.repo()).put("revision", r.revision());
        if (commit != null) {
            o.put("commit", commit);
        }
        var files = o.putArray("files");
        for (DownloadResult.FileOutcome f : r.files()) {
            files.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
        Files.writeString(r.dir().resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }
}
