package org.userlm.workbench.domain;

import java.util.Locale;

/**
 * The kind of answer a question takes. Values are stored as JSON: a string for {@code SINGLE_CHOICE} and
 * {@code YES_NO} ({@code "yes"}/{@code "no"}), a number for {@code RATING}, an array of strings for
 * {@code MULTI_LABEL}, a string for {@code TEXT}.
 */
public enum QuestionType {
    /** One label out of the options. */
    SINGLE_CHOICE,
    /** Any subset of the options (tags); an empty array means "none apply". */
    MULTI_LABEL,
    /** An integer on the scale given by the options ({@code 1..5}); ordinal. */
    RATING,
    /** {@code yes} or {@code no}. */
    YES_NO,
    /** A free-text note; never part of agreement figures. */
    TEXT;

    /** Lower-case wire name used in schema JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    public static QuestionType fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
