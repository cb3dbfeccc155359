package org.userlm.workbench.ui.common.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Code in turns: Python (keywords, strings incl. triple-quoted, numbers, comments, True/False/None) and a generic
 * fallback for other fenced languages (C-like keywords, {@code //} and {@code #} comments).
 */
public final class PythonSyntax {
    private static final Set<String> PY_KEYWORDS = Set.of("and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "match", "case");
    private static final Set<String> PY_LITERALS = Set.of("True", "False", "None", "self");
    private static final Set<String> GENERIC_KEYWORDS = Set.of("if", "else", "for", "while", "do", "return",
            "function", "fn", "func", "def", "class", "struct", "enum", "interface", "public", "private", "protected",
            "static", "final", "const", "let", "var", "val", "new", "import", "package", "from", "try", "catch",
            "finally", "throw", "throws", "switch", "case", "break", "continue", "void", "int", "long", "double",
            "float", "boolean", "bool", "char", "string", "select", "where", "insert", "update", "delete", "create",
            "table", "echo", "then", "fi", "done", "in", "of", "async", "await", "type", "impl", "use", "mut", "pub");
    private static final Set<String> GENERIC_LITERALS = Set.of("true", "false", "null", "nil", "None", "True", "False",
            "undefined", "this", "self");

    private PythonSyntax() {
    }

    /** The Python highlighter. */
    public static List<Span> python(String s) {
        return scan(s, PY_KEYWORDS, PY_LITERALS, false);
    }

    /** The fallback for other languages. */
    public static List<Span> generic(String s) {
        return scan(s, GENERIC_KEYWORDS, GENERIC_LITERALS, true);
    }

    /** The highlighter for a fenced block's info string ({@code python}, {@code json}, {@code jinja}, ...). */
    public static Highlighter forFence(String info) {
        String lang = info == null || info.isBlank() ? "" : info.strip().split("\\s+")[0].toLowerCase();
        return switch (lang) {
            case "python", "py", "python3", "py3" -> PythonSyntax::python;
            case "json", "jsonl" -> JsonSyntax::spans;
            case "jinja", "jinja2", "j2" -> JinjaSyntax::spans;
            case "", "text", "txt", "plain", "markdown", "md" -> Highlighter.NONE;
            default -> PythonSyntax::generic;
        };
    }

    private static List<Span> scan(String s, Set<String> keywords, Set<String> literals, boolean slashComments) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '#' || slashComments && c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                int nl = s.indexOf('\n', i);
                int end = nl < 0 ? s.length() : nl;
                out.add(new Span(i, end, Tok.COMMENT));
                i = end;
            } else if (c == '"' || c == '\'' || slashComments && c == '`') {
                int end = s.startsWith(String.valueOf(c).repeat(3), i) ? tripleEnd(s, i, c) : Lex.stringEnd(s, i);
                out.add(new Span(i, end, Tok.STRING));
                i = end;
            } else if (Lex.numberStart(s, i) && c != '-') {
                int end = Lex.numberEnd(s, i);
                out.add(new Span(i, end, Tok.NUMBER));
                i = end;
            } else if (Lex.wordStart(c)) {
                int end = Lex.wordEnd(s, i);
                // A string prefix (f"", r'', b"") belongs to the string that follows.
                if (end < s.length() && end - i <= 2 && (s.charAt(end) == '"' || s.charAt(end) == '\'')
                        && s.substring(i, end).toLowerCase().matches("[frbu]+")) {
                    int close = Lex.stringEnd(s, end);
                    out.add(new Span(i, close, Tok.STRING));
                    i = close;
                    continue;
                }
                Lex.word(out, s, i, end, keywords, literals);
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int tripleEnd(String s, int i, char q) {
        int close = s.indexOf(String.valueOf(q).repeat(3), i + 3);
        return close < 0 ? s.length() : close + 3;
    }
}
