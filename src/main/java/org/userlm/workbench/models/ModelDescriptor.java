package org.userlm.workbench.models;

import java.util.List;
import java.util.Locale;

/**
 * What the workbench knows about one model before downloading it: where it lives on the Hub, its files, licence,
 * role, shape (for memory figures) and recommended sampling. Read from {@code models/*.json}; see
 * {@code models/README.md} for the fields.
 *
 * @param id            short id used by the CLI and UI
 * @param name          display name
 * @param repo          Hub repository, {@code owner/name}
 * @param revision      branch, tag or commit
 * @param role          {@code user_simulator}, {@code assistant} or {@code test}
 * @param description   one or two sentences
 * @param licence       licence and gating
 * @param architecture  the config numbers the memory figures come from
 * @param parameters    parameter count
 * @param storedDtype   dtype of the weights on the Hub
 * @param files         known files (sizes may be unknown or unverified)
 * @param filesNote     where the sizes come from
 * @param contextTokens KV-cache length the memory figures assume
 * @param memory        memory per device and dtype
 * @param sampling      recommended sampling
 * @param source        where the descriptor was read from ({@code bundled} or a file path); not in the JSON
 */
public record ModelDescriptor(String id, String name, String repo, String revision, String role,
                              String description, Licence licence, Architecture architecture, long parameters,
                              String storedDtype, List<FileEntry> files, String filesNote, int contextTokens,
                              List<MemoryFigure> memory, Sampling sampling, String source) {

    /** Licence name, page, and whether the Hub gates downloads behind accepting it. */
    public record Licence(String name, String url, boolean gated, boolean verified) {
    }

    /** The Llama shape numbers from {@code config.json}. */
    public record Architecture(String type, int hiddenSize, int intermediateSize, int numLayers, int numHeads,
                               int numKvHeads, int headDim, int vocabSize, boolean tieWordEmbeddings) {
    }

    /** One file; {@code size} and {@code sha256} are null when unknown. */
    public record FileEntry(String path, Long size, String sha256, boolean verified) {
    }

    /** Memory on one device in one dtype, in GB (10^9 bytes). */
    public record MemoryFigure(String device, String dtype, double weightsGb, double kvCacheGb, double totalGb) {
    }

    /** Recommended sampling and where it comes from. */
    public record Sampling(Double temperature, Double topP, String source) {
    }

    /** Sum of the known file sizes in bytes. */
    public long knownDownloadBytes() {
        return files == null ? 0 : files.stream().mapToLong(f -> f.size() == null ? 0 : f.size()).sum();
    }

    /** True when some file's size is not verified. */
    public boolean sizesUnverified() {
        return files == null || files.stream().anyMatch(f -> !f.verified() || f.size() == null);
    }

    /** The memory figure for a device ({@code gpu}/{@code cpu}), or null. */
    public MemoryFigure memoryOn(String device) {
        if (memory == null) {
            return null;
        }
        return memory.stream().filter(m -> m.device().equalsIgnoreCase(device)).findFirst().orElse(null);
    }

    /** A copy read from another place. */
    public ModelDescriptor withSource(String newSource) {
        return new ModelDescriptor(id, name, repo, revision, role, description, licence, architecture, parameters,
                storedDtype, files, filesNote, contextTokens, memory, sampling, newSource);
    }

    /** One line for lists: name, repo, role, size. */
    public String summary() {
        return String.format(Locale.ROOT, "%s (%s, %s%s, %.1f GB download%s)", name, repo, role,
                licence != null && licence.gated() ? ", gated" : "", knownDownloadBytes() / 1e9,
                sizesUnverified() ? " (unverified)" : "");
    }
}
