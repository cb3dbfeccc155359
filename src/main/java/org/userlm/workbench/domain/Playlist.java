package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * A presenter playlist: stored conversations shown one after the other at a reading speed, each with a caption.
 *
 * @param wordsPerMinute how fast the typing effect reveals words
 */
public record Playlist(String id, String name, int wordsPerMinute, List<Slide> slides, long createdAtMs) {
    /** One slide: a stored conversation and the line shown above it. */
    public record Slide(String conversationId, String caption) {
        public Slide {
            Objects.requireNonNull(conversationId, "conversationId");
            caption = caption == null ? "" : caption;
        }
    }

    public Playlist {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? "Untitled playlist" : name;
        if (wordsPerMinute < 20 || wordsPerMinute > 2000) {
            throw new IllegalArgumentException("words per minute must be 20-2000, was " + wordsPerMinute);
        }
        slides = List.copyOf(slides == null ? List.of() : slides);
    }
}
