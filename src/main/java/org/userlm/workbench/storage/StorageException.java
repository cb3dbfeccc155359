package org.userlm.workbench.storage;

/** A storage operation failed; the message names the entity and key. Unchecked at the storage boundary. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
