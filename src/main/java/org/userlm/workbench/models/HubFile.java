package org.userlm.workbench.models;

import java.util.Locale;
import java.util.Set;

/**
 * One file of a Hub repository, from the listing's {@code siblings}.
 *
 * @param path   {@code rfilename}, relative, '/'-separated
 * @param size   bytes, or -1 when the listing does not say
 * @param sha256 {@code lfs.sha256} for LFS files, else null
 */
public record HubFile(String path, long size, String sha256) {
    /** Extensions of pickled weights, which the workbench never fetches nor loads. */
    public static final Set<String> PICKLED = Set.of(".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt");

    /** True for pickled weights ({@code pytorch_model.bin}, {@code consolidated.00.pth}, ...). */
    public boolean pickled() {
        String p = path.toLowerCase(Locale.ROOT);
        return PICKLED.stream().anyMatch(p::endsWith);
    }

    /** True when the path is safe to create under a folder (relative, no {@code ..}, no backslash). */
    public boolean safePath() {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return false;
        }
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
