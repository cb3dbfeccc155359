package org.userlm.workbench.domain;

import java.util.Locale;

/**
 * A stored experiment.
 *
 * @param id          derived from the config (same config, same id: shards merge)
 * @param name        display name
 * @param configJson  the config as given (normalised JSON)
 * @param runId       the run its conversations belong to
 * @param status      stored status (a running one whose heartbeat stopped reads as interrupted)
 * @param heartbeatMs last heartbeat of the process running it, epoch millis, or 0
 * @param createdAtMs epoch millis
 */
public record Experiment(String id, String name, String configJson, String runId, Status status, long heartbeatMs,
                         long createdAtMs) {

    /** A running experiment whose heartbeat is older than this is reported as interrupted. */
    public static final long HEARTBEAT_TIMEOUT_MS = 15_000;

    /** {@code running|paused|done|interrupted}. */
    public enum Status {
        RUNNING, PAUSED, DONE, INTERRUPTED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** The status as seen at {@code nowMs}: running without a recent heartbeat means its process died. */
    public Status statusAt(long nowMs) {
        return status == Status.RUNNING && nowMs - heartbeatMs > HEARTBEAT_TIMEOUT_MS ? Status.INTERRUPTED : status;
    }
}
