package org.userlm.workbench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.userlm.workbench.models.AppDataDir;
import org.userlm.workbench.models.DownloadProgress;
import org.userlm.workbench.models.HfCache;
import org.userlm.workbench.models.LocalFolders;
import org.userlm.workbench.models.ModelCatalog;
import org.userlm.workbench.models.ModelDescriptor;
import org.userlm.workbench.models.ServerPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code models}: the model manager on the command line ({@code list}, {@code download}, {@code gpu}). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Known models, downloaded folders, server presets; download from the Hugging Face Hub.",
        subcommands = {ModelsCommand.ListCommand.class, ModelsDownloadCommand.class, ModelsGpuCommand.class})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code models list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List model descriptors, downloaded folders (workbench and Hugging Face cache) and servers.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "One JSON object: {descriptors, folders, endpoints}.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ModelCatalog catalog = ModelCatalog.load();
            catalog.problems().forEach(p -> err.println("warning: skipped descriptor " + p));
            List<LocalFolders.Folder> folders = LocalFolders.scan(AppDataDir.downloads(), HfCache.hubDir());
            if (json) {
                out.println(toJson(catalog.descriptors(), folders));
                return 0;
            }
            out.println("Models (" + catalog.descriptors().size() + " descriptors; add yours in "
                    + AppDataDir.descriptors() + "):");
            for (ModelDescriptor d : catalog.descriptors()) {
                out.printf(Locale.ROOT, "  %-24s %s%n", d.id(), d.summary());
                for (ModelDescriptor.MemoryFigure m : d.memory()) {
                    out.printf(Locale.ROOT, "  %-24s   needs %.1f GB on %s in %s (%d-token context)%n", "",
                            m.totalGb(), m.device(), m.dtype(), d.contextTokens());
                }
            }
            out.println("Folders (" + AppDataDir.downloads() + ", " + HfCache.hubDir() + "):");
            if (folders.isEmpty()) {
                out.println("  none");
            }
            for (LocalFolders.Folder f : folders) {
                out.printf(Locale.ROOT, "  %-9s %-40s %9s %s%s%n", f.source(),
                        f.repo() == null ? "?" : f.repo() + (f.revision() == null ? "" : "@" + f.revision()),
                        DownloadProgress.human(f.bytes()), f.dir(), f.loadable() ? "" : "  (incomplete)");
            }
            out.println("Servers (OpenAI-compatible presets):");
            for (ServerPresets.Preset p : ServerPresets.all()) {
                out.printf(Locale.ROOT, "  %-32s %s%n", p.name(), p.baseUrl());
            }
            return 0;
        }

        static String toJson(List<ModelDescriptor> ds, List<LocalFolders.Folder> folders) {
            ObjectMapper om = new ObjectMapper();
            ObjectNode root = om.createObjectNode();
            ArrayNode a = root.putArray("descriptors");
            for (ModelDescriptor d : ds) {
                ObjectNode o = a.addObject().put("id", d.id()).put("name", d.name()).put("repo", d.repo())
                        .put("revision", d.revision()).put("role", d.role())
                        .put("gated", d.licence() != null && d.licence().gated())
                        .put("licence", d.licence() == null ? null : d.licence().name())
                        .put("download_bytes", d.knownDownloadBytes()).put("sizes_verified", !d.sizesUnverified())
                        .put("parameters", d.parameters()).put("context_tokens", d.contextTokens())
                        .put("source", d.source());
                ArrayNode mem = o.putArray("memory");
                for (ModelDescriptor.MemoryFigure m : d.memory()) {
                    mem.addObject().put("device", m.device()).put("dtype", m.dtype()).put("total_gb", m.totalGb())
                            .put("weights_gb", m.weightsGb()).put("kv_cache_gb", m.kvCacheGb());
                }
                if (d.sampling() != null) {
                    o.putObject("sampling").put("temperature", d.sampling().temperature())
                            .put("top_p", d.sampling().topP());
                }
            }
            ArrayNode f = root.putArray("folders");
            for (LocalFolders.Folder x : folders) {
                f.addObject().put("repo", x.repo()).put("revision", x.revision()).put("dir", x.dir().toString())
                        .put("source", x.source()).put("bytes", x.bytes()).put("loadable", x.loadable());
            }
            ArrayNode e = root.putArray("endpoints");
            for (ServerPresets.Preset p : ServerPresets.all()) {
                e.addObject().put("id", p.id()).put("name", p.name()).put("base_url", p.baseUrl())
                        .put("api_key_env", p.apiKeyEnv());
            }
            return root.toString();
        }
    }
}
