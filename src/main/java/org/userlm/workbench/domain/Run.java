package org.userlm.workbench.domain;

/**
 * A batch of conversations started together (one {@code simulate} call, one Start in the UI, one comparison).
 *
 * @param id            UUID string
 * @param name          display name
 * @param kind          {@code simulate}, {@code live}, {@code compare}, ...
 * @param settingsJson  the settings used, as JSON (never API keys)
 * @param createdAtMs   epoch millis
 */
public record Run(String id, String name, String kind, String settingsJson, long createdAtMs) {
}
