package org.userlm.workbench.ui.common.editor;

import java.util.List;
import java.util.Set;

/** Small scanning helpers shared by the highlighters (pure). */
final class Lex {
    private Lex() {
    }

    /** End (exclusive) of a quoted string starting at {@code i}; honours backslash escapes; stops at a newline. */
    static int stringEnd(String s, int i) {
        char q = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '\n') {
                return j;
            }
            j++;
            if (c == q) {
                return j;
            }
        }
        return Math.min(j, s.length());
    }

    /** End of a number starting at {@code i} (digits, one dot, exponent, underscores, hex digits). */
    static int numberEnd(String s, int i) {
        int j = i;
        if (j < s.length() && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
            j++;
        }
        while (j < s.length()) {
            char c = s.charAt(j);
            boolean exp = (c == '+' || c == '-') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exp) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** End of an identifier starting at {@code i}. */
    static int wordEnd(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    static boolean wordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** Whether {@code i} starts a number (not the tail of a word like {@code x1}). */
    static boolean numberStart(String s, int i) {
        char c = s.charAt(i);
        boolean digit = Character.isDigit(c)
                || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)));
        return digit && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_');
    }

    /** Adds a span for a word: a keyword, a literal, or nothing. */
    static void word(List<Span> out, String s, int start, int end, Set<String> keywords, Set<String> literals) {
        String w = s.substring(start, end);
        if (keywords.contains(w)) {
            out.add(new Span(start, end, Tok.KEYWORD));
        } else if (literals.contains(w)) {
            out.add(new Span(start, end, Tok.LITERAL));
        }
    }
}
