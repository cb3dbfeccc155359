package org.userlm.workbench.ui.common.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pure highlighters: each token of a sample gets the style class its kind has. */
class SyntaxTest {

    /** "text=style" for every span, in order. */
    static String show(String text, List<Span> spans) {
        return spans.stream().map(s -> text.substring(s.start(), s.end()) + "=" + s.style().substring(4))
                .collect(Collectors.joining(" "));
    }

    @Test
    void jsonKeysStringsNumbersLiteralsAndPunctuation() {
        String t = "{\"a\": \"x\\\"y\", \"n\": -1.5e3, \"ok\": [true, null]}";
        assertEquals("{=punct \"a\"=key :=punct \"x\\\"y\"=string ,=punct \"n\"=key :=punct -1.5e3=number ,=punct "
                + "\"ok\"=key :=punct [=punct true=literal ,=punct null=literal ]=punct }=punct",
                show(t, JsonSyntax.spans(t)));
    }

    @Test
    void jinjaDelimitersKeywordsStringsAndCommentsButNotTheTextAround() {
        String t = "Hi {% for m in messages %}{{- m['role'] + 1 }}{# note #}{% endfor %} bye";
        assertEquals("{%=delim for=keyword in=keyword %}=delim {{-=delim 'role'=string 1=number }}=delim "
                + "{# note #}=comment {%=delim endfor=keyword %}=delim", show(t, JinjaSyntax.spans(t)));
    }

    @Test
    void jinjaStringHoldingACloserDoesNotEndTheTag() {
        String t = "{{ '}}' }}x";
        assertEquals("{{=delim '}}'=string }}=delim", show(t, JinjaSyntax.spans(t)));
    }

    @Test
    void pythonKeywordsStringsNumbersCommentsAndLiterals() {
        String t = "def f(x1):\n    return f\"a{x1}\" + 'b' if x1 > 2 else None  # done\ns = \"\"\"doc\nmore\"\"\"";
        assertEquals("def=keyword return=keyword f\"a{x1}\"=string 'b'=string if=keyword 2=number else=keyword "
                + "None=literal # done=comment \"\"\"doc\nmore\"\"\"=string", show(t, PythonSyntax.python(t)));
    }

    @Test
    void genericFallbackKnowsSlashCommentsAndBackticks() {
        String t = "const x = `a`; // hi\nreturn null;";
        assertEquals("const=keyword `a`=string // hi=comment return=keyword null=literal",
                show(t, PythonSyntax.generic(t)));
    }

    @Test
    void fenceInfoPicksTheHighlighter() {
        assertEquals(List.of(new Span(0, 3, Tok.KEYWORD)), PythonSyntax.forFence("python").spans("def"));
        assertEquals(List.of(new Span(0, 4, Tok.LITERAL)), PythonSyntax.forFence("json").spans("true"));
        assertTrue(PythonSyntax.forFence("").spans("def x").isEmpty(), "no language: plain");
        assertEquals(List.of(new Span(0, 6, Tok.KEYWORD)), PythonSyntax.forFence("js").spans("return"));
    }

    @Test
    void placeholdersKnownAndUnknownButJsonIsNoPlaceholder() {
        String t = "{goal} {nope} {\"response\": 1} [[SHARDS_REVEALED]]";
        assertEquals("{goal}=placeholder {nope}=unknown [[SHARDS_REVEALED]]=unknown", show(t, PlaceholderSyntax.INTENT_TEMPLATE.spans(t)));
        assertEquals("{goal}=unknown {nope}=unknown [[SHARDS_REVEALED]]=placeholder",
                show(t, PlaceholderSyntax.SIMULATOR_PROMPT.spans(t)));
    }

    @Test
    void codeTextKeepsEveryCharacterOnce() {
        String code = "x = 1  # c\n";
        var texts = CodeText.texts(code, PythonSyntax::python, "md-code-text");
        assertEquals(code, texts.stream().map(javafx.scene.text.Text::getText).collect(Collectors.joining()));
        assertTrue(texts.stream().anyMatch(t -> t.getStyleClass().contains(Tok.COMMENT)));
        assertTrue(texts.stream().allMatch(t -> t.getStyleClass().contains("md-code-text")));
    }

    @Test
    void spansNeverOverlapOrRunPastTheText() {
        for (String t : List.of("{\"a", "{{ 'x", "{# open", "\"\"\"x", "f'", "{% if %}{{", "-", "1e")) {
            for (List<Span> spans : List.of(JsonSyntax.spans(t), JinjaSyntax.spans(t), PythonSyntax.python(t))) {
                int at = 0;
                for (Span s : spans) {
                    assertTrue(s.start() >= at && s.end() <= t.length(), t + ": " + spans);
                    at = s.end();
                }
            }
        }
        assertNotNull(Highlighter.NONE.spans("x"));
        assertNull(Validator.NONE.check("x"));
    }
}
