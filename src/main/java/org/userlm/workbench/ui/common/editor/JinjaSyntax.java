package org.userlm.workbench.ui.common.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.userlm.workbench.inference.ChatTemplate;

/**
 * Jinja chat templates: the {@code {{ }}}, {@code {% %}}, {@code {# #}} delimiters, keywords, strings and numbers
 * inside them (text outside is what the model sees, left plain); validation renders the template with the same
 * Jinjava set-up the engines use ({@link ChatTemplate#check}).
 */
public final class JinjaSyntax {
    private static final Set<String> KEYWORDS = Set.of("for", "in", "endfor", "if", "elif", "else", "endif", "set",
            "endset", "macro", "endmacro", "call", "endcall", "filter", "endfilter", "raw", "endraw", "not", "and", "or",
            "is", "recursive", "include", "import", "from", "as", "with", "without", "context", "block", "endblock",
            "extends", "generation", "endgeneration", "break", "continue", "do");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Set<String> LITERALS = Set.of("true", "false", "none", "True", "False", "None");

    private JinjaSyntax() {
    }

    /** The Jinja highlighter. */
    public static List<Span> spans(String s) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.length() - 1) {
            char c = s.charAt(i);
            char n = s.charAt(i + 1);
            if (c == '{' && n == '#') {
                int close = s.indexOf("#}", i + 2);
                int end = close < 0 ? s.length() : close + 2;
                out.add(new Span(i, end, Tok.COMMENT));
                i = end;
            } else if (c == '{' && (n == '{' || n == '%')) {
                i = tag(s, i, n == '{' ? '}' : '%', out);
            } else {
                i++;
            }
        }
        return out;
    }

    /** Styles one tag from its opening delimiter; returns the offset after it. */
    private static int tag(String s, int start, char closer, List<Span> out) {
        int open = start + 2 + (start + 2 < s.length() && "-+".indexOf(s.charAt(start + 2)) >= 0 ? 1 : 0);
        out.add(new Span(start, open, Tok.DELIM));
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = closeAt(s, i, closer);
            if (close > 0) {
                out.add(new Span(i, close, Tok.DELIM));
                return close;
            }
            if (c == '\'' || c == '"') {
                int end = Lex.stringEnd(s, i);
                out.add(new Span(i, end, Tok.STRING));
                i = end;
            } else if (Lex.numberStart(s, i) && c != '-') {
                int end = Lex.numberEnd(s, i);
                out.add(new Span(i, end, Tok.NUMBER));
                i = end;
            } else if (Lex.wordStart(c)) {
                int end = Lex.wordEnd(s, i);
                Lex.word(out, s, i, end, KEYWORDS, LITERALS);
                i = end;
            } else {
                i++;
            }
        }
        return i;
    }

    /** The end of a closing delimiter ({@code -}}}, {@code }}}, {@code %}}) at {@code i}, or -1. */
    private static int closeAt(String s, int i, char closer) {
        int j = i;
        if (j < s.length() && "-+".indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        if (j + 1 < s.length() && s.charAt(j) == closer && s.charAt(j + 1) == '}') {
            return j + 2;
        }
        return -1;
    }

    /** Renders the template with a short sample conversation; the first error with its line. */
    public static Diagnostic check(String text) {
        if (text.isBlank()) {
            return null; // blank: the default template is used
        }
        ChatTemplate.Problem p = ChatTemplate.check(text);
        if (p == null) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(p.message());
        if (quoted.find()) {
            // Jinjava counts lines without the newlines trim_blocks eats, so its line can be early: mark the quoted
            // source at or after that line instead.
            String snippet = quoted.group(1);
            for (int at = text.indexOf(snippet); at >= 0 && !snippet.isBlank(); at = text.indexOf(snippet, at + 1)) {
                Diagnostic d = Diagnostic.at(text, at, at + snippet.length(), p.message(), Diagnostic.Severity.ERROR);
                if (d.line() >= p.line()) {
                    return d;
                }
            }
        }
        return p.line() > 0 ? Diagnostic.atLine(text, p.line(), p.message(), Diagnostic.Severity.ERROR)
                : Diagnostic.whole(p.message(), Diagnostic.Severity.ERROR);
    }
}
