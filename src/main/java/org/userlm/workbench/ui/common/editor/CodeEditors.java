package org.userlm.workbench.ui.common.editor;

import java.util.function.Function;
import org.userlm.workbench.storage.AnnotationSchemaJson;

/** One-line factories for the workbench's editors. FX thread. */
public final class CodeEditors {
    private CodeEditors() {
    }

    /**
     * A JSON editor with line numbers. {@code domain} checks a well-formed document against the rules of what it
     * describes and returns a message, or null when it is fine ({@code t -> null} for plain JSON).
     */
    public static CodeEditor json(Function<String, String> domain) {
        return new CodeEditor(JsonSyntax::spans, JsonSyntax.validator(domain), true, false);
    }

    /** JSON of an annotation schema, checked by the same parser that Save and import use. */
    public static CodeEditor annotationSchema() {
        return json(text -> {
            try {
                AnnotationSchemaJson.parse(text);
                return null;
            } catch (RuntimeException e) { // the parser's rule messages, and any record invariant it trips
                return "Not a valid schema: " + e.getMessage();
            }
        });
    }

    /** A Jinja chat template, rendered with a sample conversation as the user types. */
    public static CodeEditor chatTemplate() {
        return new CodeEditor(JinjaSyntax::spans, JinjaSyntax::check, true, false);
    }

    /** An intent template ({@code {goal}}, {@code {problem}}, {@code {shards}}, {@code {function}}). */
    public static CodeEditor intentTemplate() {
        PlaceholderSyntax p = PlaceholderSyntax.INTENT_TEMPLATE;
        return new CodeEditor(p::spans, p::check, false, true);
    }

    /** The simulator prompt of the prompted and sharded simulators ({@code {intent}}, LiC's {@code [[...]]}). */
    public static CodeEditor simulatorPrompt() {
        PlaceholderSyntax p = PlaceholderSyntax.SIMULATOR_PROMPT;
        return new CodeEditor(p::spans, p::check, false, true);
    }

    /** Prose with no placeholders (an assistant's system prompt, an intent): wrapped, checked by {@code v}. */
    public static CodeEditor prose(Validator v) {
        return new CodeEditor(Highlighter.NONE, v, false, true);
    }
}
