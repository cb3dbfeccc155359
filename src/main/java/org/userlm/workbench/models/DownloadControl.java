package org.userlm.workbench.models;

/**
 * Pause and cancel for a running download, from any thread. Pause stops the transfers and keeps the partial
 * {@code .incomplete} files, so running the same download again resumes each file where it stopped (HTTP Range);
 * cancel stops and deletes them.
 */
public final class DownloadControl {
    /** What the workers should do. */
    public enum Request { RUN, PAUSE, CANCEL }

    private volatile Request request = Request.RUN;

    public void pause() {
        request = Request.PAUSE;
    }

    public void cancel() {
        request = Request.CANCEL;
    }

    public Request request() {
        return request;
    }

    boolean stopped() {
        return request != Request.RUN;
    }
}
