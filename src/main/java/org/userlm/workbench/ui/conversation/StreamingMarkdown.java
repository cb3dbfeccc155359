package org.userlm.workbench.ui.conversation;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A streaming turn: finished markdown chunks rendered, the open chunk as plain streaming text below them. When the
 * turn settles only the open chunk changes to its rendered form, so the bubble does not jump (the whole text used
 * to switch from raw to rendered at once). Chunks finish at blank lines, so rendering happens per paragraph, not per
 * token. FX thread.
 */
final class StreamingMarkdown extends VBox {
    private MarkdownChunks chunks = new MarkdownChunks();
    private final VBox done = MarkdownRenderer.box();
    private final StreamingText open = new StreamingText();
    private final StringBuilder text = new StringBuilder();

    StreamingMarkdown() {
        super(8);
        setMinWidth(0);
        done.setManaged(false);
        getChildren().addAll(done, open);
    }

    void append(String delta) {
        text.append(delta);
        List<String> finished = chunks.push(delta);
        if (finished.isEmpty()) {
            open.append(delta);
            return;
        }
        for (String chunk : finished) {
            done.getChildren().addAll(MarkdownRenderer.blocks(chunk));
        }
        done.setManaged(true);
        open.clear();
        open.append(chunks.tail());
    }

    void clear() {
        chunks = new MarkdownChunks();
        text.setLength(0);
        done.getChildren().clear();
        done.setManaged(false);
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
     * The settled view: the rendered chunks plus {@code tailBlocks} (the open chunk rendered). Equal to
     * {@code MarkdownRenderer.render(text())}, since that cuts the text the same way.
     */
    Node settle(List<Node> tailBlocks) {
        getChildren().remove(done);
        done.getChildren().addAll(tailBlocks);
        done.setManaged(true);
        return done;
    }
}
