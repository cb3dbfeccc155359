package org.userlm.workbench.evaluation;

import java.util.Locale;

/**
 * Which grading rules decide correctness.
 *
 * <ul>
 *   <li>{@link #LIC}: Lost in Conversation's {@code evaluator_function} reproduced exactly, quirks included
 *   (math: the last number-like run of the answer, {@code .00} dropped only next to a {@code $}; code: the last
 *   function kept, star imports of the usual modules). The answer is taken as already extracted, as LiC extracts
 *   it with a model first; a judge does that step here when one is configured.</li>
 *   <li>{@link #STRICT}: ours; each difference from {@code lic} is listed in {@code docs/grading.md}.</li>
 * </ul>
 */
public enum GraderMode {
    /** LiC's evaluator, quirks included. */
    LIC("lic"),
    /** Our stricter rules (docs/grading.md). */
    STRICT("strict");

    private final String wire;

    GraderMode(String wire) {
        this.wire = wire;
    }

    /** {@code lic} or {@code strict}: the CLI flag value and the stored name. */
    public String wire() {
        return wire;
    }

    /** The mode used when none is chosen. */
    public static GraderMode defaultMode() {
        return LIC;
    }

    /**
     * Parses a wire name (case-insensitive).
     *
     * @throws IllegalArgumentException with a message naming the allowed values
     */
    public static GraderMode fromWire(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (GraderMode m : values()) {
            if (m.wire.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("grader must be lic or strict, not \"" + s + "\"");
    }
}
