package org.userlm.workbench.ui.common;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** Markdown as a reader sees it, without its marks ({@code **}, fences, {@code #}): for lists and the presenter. */
public final class PlainText {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private PlainText() {
    }

    public static String of(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        try {
            return PLAIN.render(MARKDOWN.parse(markdown)).strip();
        } catch (RuntimeException e) {
            return markdown;
        }
    }
}
