package org.userlm.workbench.inference.djl;

import java.util.Locale;

/** The safetensors dtypes this engine reads; anything else is refused before DJL sees it. */
public enum StDType {
    F32(4), F16(2), BF16(2);

    private final int bytes;

    StDType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Parses a header dtype string, or returns null when it is not supported. */
    public static StDType parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
