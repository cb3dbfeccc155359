package org.userlm.workbench.models;

/** A Hub request that failed, with a message meant for the user. */
public final class HubException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Kind {
        /** 401/403: gated or private; the message says how to get access. */
        GATED,
        /** 404: no such repository, revision or file. */
        NOT_FOUND,
        /** Could not connect, or the connection broke. */
        NETWORK,
        /** Any other HTTP status or an unreadable answer. */
        PROTOCOL
    }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
