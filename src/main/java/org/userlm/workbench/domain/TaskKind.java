package org.userlm.workbench.domain;

import java.util.Locale;

/** The kind of task, which decides the grader and the default assistant system prompt. */
public enum TaskKind {
    MATH, CODE, OTHER;

    /** Lower-case wire name ({@code math}, {@code code}, {@code other}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a LiC {@code task} field to a kind; unknown names become {@code OTHER}. */
    public static TaskKind fromWire(String s) {
        if (s == null) {
            return OTHER;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "math" -> MATH;
            case "code" -> CODE;
            default -> OTHER;
        };
    }
}
