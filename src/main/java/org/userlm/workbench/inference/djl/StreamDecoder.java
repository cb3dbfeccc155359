package org.userlm.workbench.inference.djl;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns generated ids into streamed text without splitting a UTF-8 character: decodes the whole id prefix and
 * emits only the new suffix, holding it back while it ends with U+FFFD (an incomplete byte sequence), and
 * holding back the last characters that could begin a stop string.
 */
final class StreamDecoder {
    private final LlamaTokenizer tok;
    private final List<String> stopStrings;
    private final int holdBack;
    private final List<Long> ids = new ArrayList<>();
    private String text = "";
    private int emitted;

    StreamDecoder(LlamaTokenizer tok, List<String> stopStrings) {
        this.tok = tok;
        this.stopStrings = stopStrings.stream().filter(s -> !s.isEmpty()).toList();
        this.holdBack = this.stopStrings.stream().mapToInt(String::length).max().orElse(1) - 1;
    }

    /** Adds an id; returns the index of a stop string in the text when one appeared, else -1. */
    int add(long id) {
        ids.add(id);
        long[] a = new long[ids.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.get(i);
        }
        text = tok.decode(a);
        int cut = -1;
        for (String s : stopStrings) {
            int i = text.indexOf(s, Math.max(0, emitted - s.length()));
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        if (cut >= 0) {
            text = text.substring(0, cut);
        }
        return cut;
    }

    /** The text decoded so far (cut at a stop string). */
    String text() {
        return text;
    }

    /** Generated ids so far. */
    int count() {
        return ids.size();
    }

    /** Text that is safe to emit now (possibly empty); {@code last} flushes everything. */
    String take(boolean last) {
        int end = text.length();
        if (!last) {
            while (end > emitted && text.charAt(end - 1) == '\uFFFD') {
                end--;
            }
            end = Math.max(emitted, end - holdBack);
            if (end > emitted && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        if (end <= emitted) {
            return "";
        }
        String d = text.substring(emitted, end);
        emitted = end;
        return d;
    }
}
