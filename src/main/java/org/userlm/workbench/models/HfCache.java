package org.userlm.workbench.models;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Models already in the Hugging Face cache, used in place (never copied). The cache is {@code HF_HUB_CACHE}, else
 * {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}; a
 * model is {@code models--owner--name/snapshots/<commit>/}, whose files link to {@code blobs/<sha256 or sha1>},
 * and {@code refs/<branch>} holds the commit of a branch.
 */
public final class HfCache {
    private HfCache() {
    }

    /**
     * One snapshot of a model in the cache.
     *
     * @param repo     {@code owner/name}
     * @param ref      the branch or tag that points at it, or null
     * @param commit   the snapshot's commit
     * @param dir      the snapshot folder (a model folder the engine can load)
     * @param bytes    bytes of its files (links followed)
     * @param loadable has {@code config.json} and safetensors weights
     */
    public record CachedModel(String repo, String ref, String commit, Path dir, long bytes, boolean loadable) {
    }

    /** {@code HF_HOME}, else {@code $XDG_CACHE_HOME/huggingface}, else {@code ~/.cache/huggingface}. */
    public static Path hfHome() {
        String h = HubToken.setting("HF_HOME");
        if (h != null) {
            return Path.of(h);
        }
        String xdg = HubToken.setting("XDG_CACHE_HOME");
        return (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("huggingface");
    }

    /** The hub cache folder. */
    public static Path hubDir() {
        String c = HubToken.setting("HF_HUB_CACHE");
        if (c == null) {
            c = HubToken.setting("HUGGINGFACE_HUB_CACHE");
        }
        return c != null ? Path.of(c) : hfHome().resolve("hub");
    }

    /** Every model snapshot in {@code hub} (empty when the folder does not exist). */
    public static List<CachedModel> scan(Path hub) {
        List<CachedModel> out = new ArrayList<>();
        if (!Files.isDirectory(hub)) {
            return out;
        }
        try (DirectoryStream<Path> models = Files.newDirectoryStream(hub, "models--*")) {
            for (Path m : models) {
                String repo = m.getFileName().toString().substring("models--".length()).replaceFirst("--", "/");
                Path snaps = m.resolve("snapshots");
                if (!Files.isDirectory(snaps)) {
                    continue;
                }
                try (DirectoryStream<Path> ss = Files.newDirectoryStream(snaps)) {
                    for (Path s : ss) {
                        String commit = s.getFileName().toString();
                        out.add(new CachedModel(repo, refOf(m, commit), commit, s, bytes(s),
                                Files.isRegularFile(s.resolve("config.json")) && hasSafetensors(s)));
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(CachedModel::repo));
        return out;
    }

    /** The snapshot of {@code repo} at {@code revision} (a branch or tag in {@code refs/}, or a commit). */
    public static Optional<Path> snapshot(Path hub, String repo, String revision) {
        Path m = hub.resolve("models--" + repo.replace("/", "--"));
        String commit = revision;
        Path ref = m.resolve("refs").resolve(revision);
        try {
            if (Files.isRegularFile(ref)) {
                commit = Files.readString(ref).strip();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Path s = m.resolve("snapshots").resolve(commit);
        return Files.isDirectory(s) ? Optional.of(s) : Optional.empty();
    }

    /**
     * True when {@code snapshot} holds every wanted file of the listing with the listed size and, for LFS files,
     * a blob named by the listed sha256 (the cache names LFS blobs by their sha256, so nothing is re-hashed).
     */
    public static boolean complete(Path snapshot, HubListing listing) {
        for (HubFile f : listing.wanted()) {
            Path p = snapshot.resolve(f.path());
            try {
                if (!Files.isRegularFile(p) || f.size() >= 0 && Files.size(p) != f.size()) {
                    return false;
                }
                if (f.sha256() != null && Files.isSymbolicLink(p)
                        && !p.toRealPath().getFileName().toString().equalsIgnoreCase(f.sha256())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The files of a cache snapshot as a listing (for when the Hub cannot be reached): sizes from the disk, sha256
     * from the blob's name when it is one (LFS blobs are named by their sha256), else null.
     */
    public static HubListing listingOf(Path snapshot, String repo, String revision) throws IOException {
        List<HubFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(snapshot)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String blob = p.toRealPath().getFileName().toString();
                files.add(new HubFile(snapshot.relativize(p).toString().replace('\\', '/'), Files.size(p),
                        blob.matches("[0-9a-f]{64}") ? blob : null));
            }
        }
        return new HubListing(repo, revision, snapshot.getFileName().toString(), files);
    }

    private static String refOf(Path model, String commit) {
        Path refs = model.resolve("refs");
        if (!Files.isDirectory(refs)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(refs, 3)) {
            return s.filter(Files::isRegularFile).filter(r -> {
                try {
                    return Files.readString(r).strip().equals(commit);
                } catch (IOException e) {
                    return false;
                }
            }).map(r -> refs.relativize(r).toString()).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasSafetensors(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".safetensors"));
        } catch (IOException e) {
            return false;
        }
    }

    private static long bytes(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
