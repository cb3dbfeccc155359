package org.userlm.workbench.storage;

import java.util.Optional;

/** Judge model answers keyed by (model, prompt version, SHA-256 of the input). Thread-safe; writes are durable. */
public interface JudgeCache {

    Optional<String> find(String model, String promptVersion, String inputSha256);

    void put(String model, String promptVersion, String inputSha256, String output);
}
