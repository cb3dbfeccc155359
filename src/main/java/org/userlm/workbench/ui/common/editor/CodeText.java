package org.userlm.workbench.ui.common.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/** Highlighted code as {@link Text} nodes for a read-only view (code blocks in turns), same style classes. */
public final class CodeText {
    private CodeText() {
    }

    /** One node per styled or plain run; every node has {@code base}, styled ones also their {@link Tok} class. */
    public static List<Text> texts(String code, Highlighter h, String base) {
        List<Text> out = new ArrayList<>();
        int at = 0;
        for (Span s : h.spans(code)) {
            if (s.start() < at || s.end() > code.length()) {
                continue;
            }
            if (s.start() > at) {
                out.add(text(code.substring(at, s.start()), base, null));
            }
            out.add(text(code.substring(s.start(), s.end()), base, s.style()));
            at = s.end();
        }
        if (at < code.length() || out.isEmpty()) {
            out.add(text(code.substring(at), base, null));
        }
        return out;
    }

    private static Text text(String s, String base, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(base);
        if (style != null) {
            t.getStyleClass().add(style);
        }
        return t;
    }
}
