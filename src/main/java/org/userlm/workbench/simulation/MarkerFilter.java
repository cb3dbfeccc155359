package org.userlm.workbench.simulation;

import org.userlm.workbench.inference.TokenListener;

/**
 * Sits between a backend and the screen: forwards streamed text but never shows the end marker or anything after
 * it, and calls {@code onMarker} once when the marker appears (so the generation can be stopped early).
 * Also hides leading whitespace (every UserLM turn starts with a newline). Called on the backend's thread only.
 */
final class MarkerFilter implements TokenListener {
    private final TokenListener downstream;
    private final Runnable onMarker;
    private final StringBuilder all = new StringBuilder();
    private int emitted;
    private boolean markerSeen;

    MarkerFilter(TokenListener downstream, Runnable onMarker) {
        this.downstream = downstream;
        this.onMarker = onMarker;
    }

    @Override
    public void onText(String delta) {
        if (markerSeen || delta.isEmpty()) {
            return;
        }
        all.append(delta);
        int at = all.indexOf(EndMarker.TEXT);
        int safeEnd;
        if (at >= 0) {
            markerSeen = true;
            safeEnd = at;
        } else {
            safeEnd = all.length() - EndMarker.partialSuffix(all);
        }
        int start = Math.max(emitted, leadingWhitespace());
        if (safeEnd > start) {
            downstream.onText(all.substring(start, safeEnd));
            emitted = safeEnd;
        }
        if (markerSeen) {
            onMarker.run();
        }
    }

    private int leadingWhitespace() {
        int i = 0;
        while (i < all.length() && Character.isWhitespace(all.charAt(i))) {
            i++;
        }
        return i;
    }

    boolean markerSeen() {
        return markerSeen;
    }
}
