package org.userlm.workbench.ui.conversation;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A streaming turn: finished markdown chunks rendered, the open chunk as plain streaming text below them. When the
 * turn settles only the open chunk changes to its rendered form, so the bubble does not jump (the whole text used
 * to switch from raw to rendered at once). Chunks finish at blank lines, so rendering happens per paragraph, not per
 * token. FX thread.
 *
 * <p>It is itself the settled box ({@link MarkdownRenderer#box()}'s kind: a {@code .md} box of blocks), so settling
 * only swaps the streaming text for the last blocks and nothing moves to another parent. Moving the rendered blocks
 * into a new box re-ran CSS on every one of them: bench-ui's first turn boundary cost 11-17 ms of FX CPU, 3-6 ms of
 * it applying the events and the rest CSS and layout (docs/performance.md, "bench-ui", session 7).
 */
final class StreamingMarkdown extends VBox {
    private MarkdownChunks chunks = new MarkdownChunks();
    private final StreamingText open = new StreamingText();
    private final StringBuilder text = new StringBuilder();

    StreamingMarkdown() {
        MarkdownRenderer.asBox(this);
        setMinWidth(0);
        getChildren().add(open);
    }

    void append(String delta) {
        text.append(delta);
        List<String> finished = chunks.push(delta);
        if (finished.isEmpty()) {
            open.append(delta);
            return;
        }
        for (String chunk : finished) {
            getChildren().addAll(getChildren().size() - 1, MarkdownRenderer.blocks(chunk));
        }
        open.clear();
        open.append(chunks.tail());
    }

    void clear() {
        chunks = new MarkdownChunks();
        text.setLength(0);
        getChildren().setAll(open);
        setMinWidth(0);
        open.clear();
    }

    /** Everything streamed so far. */
    String text() {
        return text.toString();
    }

    /** The open chunk (what {@link #settle} still has to render). */
    String tail() {
        return chunks.tail();
    }

    /**
     * The settled view, this box: the rendered chunks plus {@code tailBlocks} (the open chunk rendered) in place of
     * the streaming text. Equal to {@code MarkdownRenderer.render(text())}, since that cuts the text the same way.
     */
    Node settle(List<Node> tailBlocks) {
        getChildren().remove(open);
        getChildren().addAll(tailBlocks);
        setMinWidth(Region.USE_COMPUTED_SIZE);
        return this;
    }
}
