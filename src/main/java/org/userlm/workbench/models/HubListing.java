package org.userlm.workbench.models;

import java.util.List;

/**
 * A repository's files at a revision.
 *
 * @param repo     {@code owner/name}
 * @param revision the revision asked for
 * @param commit   the commit it resolved to ({@code sha}), or null
 * @param files    every file, pickled ones included (callers filter)
 */
public record HubListing(String repo, String revision, String commit, List<HubFile> files) {
    /** The files the workbench downloads: everything except pickled weights. */
    public List<HubFile> wanted() {
        return files.stream().filter(f -> !f.pickled()).toList();
    }

    /** Bytes of the wanted files whose size is known. */
    public long wantedBytes() {
        return wanted().stream().mapToLong(f -> Math.max(0, f.size())).sum();
    }
}
