package org.userlm.workbench.models;

import java.nio.file.Path;
import java.util.List;

/**
 * How a download ended.
 *
 * @param repo     repository
 * @param revision revision asked for
 * @param dir      target folder
 * @param status   {@code done}, {@code paused}, {@code cancelled} or {@code failed}
 * @param files    one outcome per wanted file, in listing order
 */
public record DownloadResult(String repo, String revision, Path dir, String status, List<FileOutcome> files) {

    /**
     * One file.
     *
     * @param path     relative path
     * @param size     bytes on disk (-1 when not downloaded)
     * @param sha256   sha256 of the bytes on disk, or null
     * @param expected the Hub's {@code lfs.sha256}, or null
     * @param error    null when the file is complete and matches
     */
    public record FileOutcome(String path, long size, String sha256, String expected, String error) {
        public boolean ok() {
            return error == null;
        }

        /** True when the bytes were fetched twice and still did not match the Hub's sha256. */
        public boolean checksumMismatch() {
            return expected != null && sha256 != null && !expected.equalsIgnoreCase(sha256) && error != null;
        }
    }

    public boolean ok() {
        return "done".equals(status) && files.stream().allMatch(FileOutcome::ok);
    }

    public boolean anyChecksumMismatch() {
        return files.stream().anyMatch(FileOutcome::checksumMismatch);
    }
}
