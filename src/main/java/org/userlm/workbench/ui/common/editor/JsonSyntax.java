package org.userlm.workbench.ui.common.editor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** JSON: keys, strings, numbers, literals and punctuation; validation by Jackson with the first error's place. */
public final class JsonSyntax {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonSyntax() {
    }

    /** The JSON highlighter. */
    public static List<Span> spans(String s) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = Lex.stringEnd(s, i);
                out.add(new Span(i, end, isKey(s, end) ? Tok.KEY : Tok.STRING));
                i = end;
            } else if (Lex.numberStart(s, i)) {
                int end = Lex.numberEnd(s, i);
                out.add(new Span(i, end, Tok.NUMBER));
                i = end;
            } else if (Lex.wordStart(c)) {
                int end = Lex.wordEnd(s, i);
                String w = s.substring(i, end);
                if (w.equals("true") || w.equals("false") || w.equals("null")) {
                    out.add(new Span(i, end, Tok.LITERAL));
                }
                i = end;
            } else {
                if ("{}[],:".indexOf(c) >= 0) {
                    out.add(new Span(i, i + 1, Tok.PUNCT));
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isKey(String s, int after) {
        int j = after;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j < s.length() && s.charAt(j) == ':';
    }

    /**
     * A validator: well-formed JSON (one value, nothing after it), then {@code domain} on the text, which returns a
     * message for a rule the document breaks or null (pass {@code t -> null} for plain JSON).
     */
    public static Validator validator(Function<String, String> domain) {
        return text -> {
            if (text.isBlank()) {
                return Diagnostic.whole("Empty: write a JSON value, e.g. {}", Diagnostic.Severity.ERROR);
            }
            try {
                STRICT.readTree(text);
            } catch (JsonProcessingException e) {
                return located(text, e);
            }
            String rule = domain.apply(text);
            return rule == null ? null : Diagnostic.whole(rule, Diagnostic.Severity.ERROR);
        };
    }

    private static Diagnostic located(String text, JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        msg = (cut < 0 ? msg : msg.substring(0, cut)).strip();
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return Diagnostic.whole("Not valid JSON: " + msg, Diagnostic.Severity.ERROR);
        }
        int off = offset(text, loc.getLineNr(), loc.getColumnNr());
        // Jackson points at the character it choked on, or past the end for a document cut short: mark that
        // character, else the last one written.
        int start = Math.min(off, text.length() - 1);
        while (start > 0 && Character.isWhitespace(text.charAt(start))) {
            start--;
        }
        return Diagnostic.at(text, start, start + 1, "Not valid JSON: " + msg, Diagnostic.Severity.ERROR);
    }

    private static int offset(String text, int line, int column) {
        int off = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', off);
            if (nl < 0) {
                return text.length();
            }
            off = nl + 1;
        }
        return Math.min(text.length(), off + Math.max(0, column - 1));
    }
}
