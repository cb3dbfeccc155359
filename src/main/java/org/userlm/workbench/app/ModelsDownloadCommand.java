package org.userlm.workbench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.userlm.workbench.models.AppDataDir;
import org.userlm.workbench.models.DownloadControl;
import org.userlm.workbench.models.DownloadProgress;
import org.userlm.workbench.models.DownloadResult;
import org.userlm.workbench.models.Downloader;
import org.userlm.workbench.models.HfCache;
import org.userlm.workbench.models.HubClient;
import org.userlm.workbench.models.HubException;
import org.userlm.workbench.models.HubFile;
import org.userlm.workbench.models.HubListing;
import org.userlm.workbench.models.LocalFolders;
import org.userlm.workbench.models.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code models download REPO [--revision REV] [--to DIR]}. Exit 0 when every file is in place, 2 for bad
 * arguments, 3 when the Hub refuses or cannot be reached, a file fails or the disk is too small, 4 when a file's
 * bytes still do not match its sha256 after a second fetch.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download every file of a Hugging Face Hub model repository except pickled weights.",
            "Honours HF_ENDPOINT and HF_TOKEN; resumes partial files; checks sha256.",
            "Exit: 0 done, 2 bad arguments, 3 Hub/network/disk failure, 4 checksum mismatch."})
final class ModelsDownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO",
            description = "owner/name, e.g. microsoft/UserLM-8b (or a descriptor id from models list)")
    String repo;

    @Option(names = "--revision", paramLabel = "REV", defaultValue = "main", description = "Branch, tag or commit.")
    String revision;

    @Option(names = "--to", paramLabel = "DIR",
            description = "Target folder (default: the Hugging Face cache when it already has the model, else "
                    + "~/.local/share/userlm-workbench/downloads/owner--name).")
    Path to;

    @Option(names = "--parallel", defaultValue = "4", description = "Files at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!repo.contains("/")) {
            // a descriptor id (models list) stands for its repository
            ModelCatalog.load().find(repo).ifPresent(d -> repo = d.repo());
        }
        if (!repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            err.println("error: REPO must look like owner/name, got " + repo);
            return 2;
        }
        HubClient hub;
        try {
            hub = HubClient.fromEnvironment();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        HubListing listing;
        try {
            listing = hub.listing(repo, revision);
        } catch (HubException e) {
            Optional<Path> cached = to == null && e.kind() == HubException.Kind.NETWORK
                    ? HfCache.snapshot(HfCache.hubDir(), repo, revision) : Optional.empty();
            if (cached.isPresent()) {
                err.println("warning: " + e.getMessage());
                err.println("the Hub cannot be reached; using the Hugging Face cache in place (not re-checked "
                        + "against the Hub): " + cached.get());
                try {
                    return report(out, HfCache.listingOf(cached.get(), repo, revision), cached.get(), null);
                } catch (IOException io) {
                    err.println("error: " + io.getMessage());
                    return 3;
                }
            }
            err.println("error: " + e.getMessage());
            return 3;
        }
        long pickled = listing.files().stream().filter(HubFile::pickled).count();
        if (pickled > 0) {
            err.println("skipping " + pickled + " pickled weight file(s) (.bin/.pt/.pth/.pkl/.ckpt): never fetched");
        }
        if (to == null) {
            Optional<Path> cached = HfCache.snapshot(HfCache.hubDir(), repo, revision);
            if (cached.isPresent() && HfCache.complete(cached.get(), listing)) {
                err.println("already in the Hugging Face cache, used in place: " + cached.get());
                return report(out, listing, cached.get(), null);
            }
        }
        Path dir = to != null ? to : AppDataDir.downloadFolder(repo);
        DownloadProgress progress = new DownloadProgress();
        DownloadControl control = new DownloadControl();
        Thread hook = new Thread(control::pause, "download-pause-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread printer = progressPrinter(progress, err);
        try {
            err.println("downloading " + listing.wanted().size() + " files (" + DownloadProgress.human(
                    listing.wantedBytes()) + ") from " + hub.endpoint() + " to " + dir);
            DownloadResult r = Downloader.standard(hub).download(listing, dir, progress, control);
            printer.interrupt();
            err.println(progress.snapshot().line());
            for (DownloadResult.FileOutcome f : r.files()) {
                if (!f.ok()) {
                    err.println("error: " + f.path() + ": " + f.error());
                }
            }
            if (r.ok()) {
                LocalFolders.writeManifest(r, listing.commit());
            }
            report(out, listing, dir, r);
            return r.ok() ? 0 : r.anyChecksumMismatch() ? 4 : 3;
        } catch (HubException | IOException e) {
            err.println("error: " + e.getMessage());
            return 3;
        } finally {
            printer.interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private static Thread progressPrinter(DownloadProgress progress, PrintWriter err) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    err.println(progress.snapshot().line());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "download-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The contract's last line: {repo, revision, dir, files: [{path, size, sha256}]}. */
    private Integer report(PrintWriter out, HubListing listing, Path dir, DownloadResult r) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode().put("repo", repo).put("revision", revision)
                .put("dir", dir.toAbsolutePath().toString());
        ArrayNode files = o.putArray("files");
        for (HubFile f : listing.wanted()) {
            ObjectNode n = files.addObject().put("path", f.path());
            DownloadResult.FileOutcome oc = r == null ? null : r.files().stream()
                    .filter(x -> x.path().equals(f.path())).findFirst().orElse(null);
            if (oc != null) {
                n.put("size", oc.size()).put("sha256", oc.sha256());
                if (!oc.ok()) {
                    n.put("expected_sha256", f.sha256()).put("error", oc.error());
                }
            } else {
                Path p = dir.resolve(f.path());
                try {
                    n.put("size", Files.size(p)).put("sha256", f.sha256() != null ? f.sha256()
                            : Downloader.sha256(p));
                } catch (IOException e) {
                    n.put("size", -1).putNull("sha256");
                }
            }
        }
        out.println(o.toString());
        out.flush();
        return 0;
    }
}
