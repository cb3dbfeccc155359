package org.userlm.workbench.ui.common.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.simulation.Intents;

/** The validators: the first problem, at the right line and column, or none. */
class ValidatorsTest {

    @Test
    void jsonErrorHasLineAndColumnAndMarksTheBadCharacter() {
        String t = "{\n  \"a\": 1,\n  \"b\": ]\n}";
        Diagnostic d = JsonSyntax.validator(x -> null).check(t);
        assertEquals(3, d.line());
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals("]", t.substring(d.start(), d.end()));
        assertTrue(d.display().startsWith("Line 3, column 8: Not valid JSON"), d.display());
        assertNull(JsonSyntax.validator(x -> null).check("{\"a\": [1, 2]}"));
    }

    @Test
    void jsonTrailingTextAndEmptyAreErrors() {
        assertEquals(1, JsonSyntax.validator(x -> null).check("{} x").line());
        assertTrue(JsonSyntax.validator(x -> null).check("  ").message().startsWith("Empty"));
    }

    @Test
    void domainRuleRunsOnlyOnWellFormedJson() {
        Validator v = JsonSyntax.validator(x -> x.contains("questions") ? null : "needs questions");
        assertEquals("needs questions", v.check("{}").message());
        assertFalse(v.check("{}").placed());
        assertTrue(v.check("{").message().startsWith("Not valid JSON"));
        assertNull(v.check("{\"questions\": []}"));
    }

    @Test
    void annotationSchemaRulesAreTheParsersOwn() {
        Validator v = JsonSyntax.validator(text -> {
            try {
                org.userlm.workbench.storage.AnnotationSchemaJson.parse(text);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        assertTrue(v.check("{\"id\": \"x\"}") != null, "a schema without questions is refused");
    }

    @Test
    void jinjaSyntaxErrorNamesItsLine() {
        String t = "{% for m in messages %}\n{{ m['content'] }}\n{% if %}\n{% endfor %}";
        Diagnostic d = JinjaSyntax.check(t);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals(3, d.line(), d.display());
        assertEquals("{% if %}", t.substring(d.start(), d.end()));
    }

    @Test
    void jinjaUnclosedBlockAndRaiseExceptionAreErrors() {
        assertTrue(JinjaSyntax.check("{% for m in messages %}{{ m }}") != null, "unclosed for");
        Diagnostic raised = JinjaSyntax.check("{{ raise_exception('roles must alternate') }}");
        assertTrue(raised.message().contains("roles must alternate"), raised.message());
    }

    @Test
    void theShippedTemplateAndBlankPass() {
        assertNull(JinjaSyntax.check(org.userlm.workbench.inference.ChatTemplate.USERLM_TEMPLATE));
        assertNull(JinjaSyntax.check(""));
    }

    @Test
    void unknownPlaceholderIsAnErrorAtItsPlace() {
        String t = "You want to {goal}\n\n{probelm}";
        Diagnostic d = PlaceholderSyntax.INTENT_TEMPLATE.check(t);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals("{probelm}", t.substring(d.start(), d.end()));
        assertEquals(3, d.line());
        assertEquals(1, d.column());
    }

    @Test
    void intentTemplateWithoutTheTaskIsAWarning() {
        Diagnostic d = PlaceholderSyntax.INTENT_TEMPLATE.check("You want to {goal}");
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertTrue(d.message().contains("{problem}"));
        assertNull(PlaceholderSyntax.INTENT_TEMPLATE.check(Intents.DEFAULT_TEMPLATE));
        assertNull(PlaceholderSyntax.INTENT_TEMPLATE.check(""), "blank: the default is used");
    }

    @Test
    void simulatorPromptNeedsTheIntentOrTheConversation() {
        assertEquals(Diagnostic.Severity.WARNING, PlaceholderSyntax.SIMULATOR_PROMPT.check("Be a user.").severity());
        assertNull(PlaceholderSyntax.SIMULATOR_PROMPT.check("Goal: {intent}"));
        assertNull(PlaceholderSyntax.SIMULATOR_PROMPT.check("[[CONVERSATION_SO_FAR]] then [[SHARDS_REVEALED]]"));
        assertNull(PlaceholderSyntax.SIMULATOR_PROMPT.check(
                org.userlm.workbench.simulation.PromptedUserSimulator.DEFAULT_PROMPT));
    }

    @Test
    void everyPlaceholderTheEditorCallsKnownIsFilledByIntents() {
        Task task = new Task("t1", TaskKind.MATH, "src", "t", "What is 2+2?", List.of(), "4", null);
        String template = "{goal} {problem} {shards} {function}";
        String filled = Intents.fromTask(task, template).text();
        assertFalse(filled.matches("(?s).*\\{[a-z]+}.*"), filled);
        assertEquals(0, PlaceholderSyntax.INTENT_TEMPLATE.spans(template).stream()
                .filter(s -> s.style().equals(Tok.UNKNOWN)).count());
    }
}
