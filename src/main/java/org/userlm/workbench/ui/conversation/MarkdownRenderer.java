package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.userlm.workbench.ui.common.editor.CodeText;
import org.userlm.workbench.ui.common.editor.PythonSyntax;

/**
 * Renders markdown as JavaFX nodes (paragraphs, headings, lists, quotes, highlighted code blocks, inline emphasis
 * and code). Runs on settled text only: a whole settled turn, or a streaming turn's finished chunks
 * ({@link MarkdownChunks}), never per token.
 */
public final class MarkdownRenderer {
    private static final Parser PARSER = Parser.builder().build();
    /** Long turns are parsed and built off the FX thread (nodes not yet in a scene may be built anywhere). */
    static final int ASYNC_THRESHOLD = 2000;
    private static final ExecutorService WORKER =
            Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "markdown-render");
                t.setDaemon(true);
                return t;
            });

    private MarkdownRenderer() {
    }

    /** Renders on a worker thread and hands the node to {@code onFx} on the FX thread. */
    public static void renderAsync(String markdown, Consumer<Node> onFx) {
        WORKER.execute(() -> {
            Node n = render(markdown);
            Platform.runLater(() -> onFx.accept(n));
        });
    }

    /** {@link #blocks(String)} on the worker thread; the nodes go to {@code onFx} on the FX thread. */
    static void blocksAsync(String chunk, Consumer<List<Node>> onFx) {
        WORKER.execute(() -> {
            List<Node> n = blocks(chunk);
            Platform.runLater(() -> onFx.accept(n));
        });
    }

    /** The rendered text, cut into {@link MarkdownChunks} exactly as a streaming turn is rendered while it grows. */
    public static Node render(String markdown) {
        VBox box = box();
        for (String chunk : MarkdownChunks.split(markdown == null ? "" : markdown)) {
            box.getChildren().addAll(blocks(chunk));
        }
        return box;
    }

    /** The box rendered blocks go in. */
    static VBox box() {
        return asBox(new VBox());
    }

    /** Gives {@code v} the rendered box's spacing and style class (a streaming turn is one: it settles in place). */
    static VBox asBox(VBox v) {
        v.setSpacing(8);
        v.getStyleClass().add("md");
        return v;
    }

    /** The blocks of one chunk of markdown (paragraphs, lists, code blocks...). */
    static List<Node> blocks(String chunk) {
        List<Node> out = new ArrayList<>();
        blocks(PARSER.parse(chunk), out);
        return out;
    }

    private static void blocks(org.commonmark.node.Node parent, List<Node> out) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node rendered = block(n);
            if (rendered != null) {
                out.add(rendered);
            }
        }
    }

    private static Node block(org.commonmark.node.Node n) {
        if (n instanceof Paragraph) {
            return flow(n, "md-p");
        }
        if (n instanceof Heading h) {
            return flow(n, "md-h" + Math.min(3, h.getLevel()));
        }
        if (n instanceof FencedCodeBlock c) {
            return codeBlock(c.getLiteral(), c.getInfo());
        }
        if (n instanceof IndentedCodeBlock c) {
            return codeBlock(c.getLiteral(), "");
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            return list(n);
        }
        if (n instanceof BlockQuote) {
            VBox q = new VBox(6);
            q.getStyleClass().add("md-quote");
            blocks(n, q.getChildren());
            return q;
        }
        if (n instanceof ThematicBreak) {
            return new Separator();
        }
        return flow(n, "md-p");
    }

    private static Node codeBlock(String code, String info) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-code-block");
        if (info != null && !info.isBlank()) {
            Label lang = new Label(info.strip());
            lang.getStyleClass().add("md-code-lang");
            box.getChildren().add(lang);
        }
        String body = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        // Same highlighter and token classes as the editors; code-block colours suit the dark code background.
        box.getChildren().add(new TextFlow(CodeText.texts(body, PythonSyntax.forFence(info), "md-code-text")
                .toArray(new Text[0])));
        return box;
    }

    private static Node list(org.commonmark.node.Node list) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "•");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(22);
            VBox content = new VBox(4);
            blocks(item, content.getChildren());
            HBox.setHgrow(content, Priority.ALWAYS);
            box.getChildren().add(new HBox(4, marker, content));
        }
        return box;
    }

    private static TextFlow flow(org.commonmark.node.Node n, String styleClass) {
        List<Text> texts = new ArrayList<>();
        inlines(n, texts, new ArrayList<>());
        TextFlow flow = new TextFlow(texts.toArray(new Text[0]));
        flow.getStyleClass().add(styleClass);
        return flow;
    }

    private static void inlines(org.commonmark.node.Node parent, List<Text> out, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                out.add(text(t.getLiteral(), styles));
            } else if (n instanceof Code c) {
                List<String> s = new ArrayList<>(styles);
                s.add("md-code");
                out.add(text(c.getLiteral(), s));
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", styles));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", styles));
            } else {
                List<String> s = new ArrayList<>(styles);
                if (n instanceof Emphasis) {
                    s.add("md-em");
                } else if (n instanceof StrongEmphasis) {
                    s.add("md-strong");
                } else if (n instanceof Link) {
                    s.add("md-link");
                }
                inlines(n, out, s);
            }
        }
    }

    private static Text text(String literal, List<String> styles) {
        Text t = new Text(literal);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(styles);
        return t;
    }
}
