package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a streaming turn's markdown is cut into chunks that render alone. */
class MarkdownChunksTest {

    @Test
    void cutsAtBlankLinesButNotInsideFencesOrBeforeIndentedContinuations() {
        String md = "Intro line\nsame para\n\n1. step\n\n   more of step one\n2. next\n\n```python\nx = 1\n\ny = 2\n```"
                + "\n\nEnd";
        assertEquals(List.of("Intro line\nsame para\n\n", "1. step\n\n   more of step one\n2. next\n\n",
                "```python\nx = 1\n\ny = 2\n```\n\n", "End"), MarkdownChunks.split(md));
    }

    @Test
    void streamingInAnyPiecesCutsLikeTheWholeText() {
        String md = "# Title\n\nPara one.\n\n~~~\ncode\n\nmore\n~~~\n\n- a\n- b\n\nlast words";
        for (int size : new int[] {1, 3, 7, 100}) {
            MarkdownChunks c = new MarkdownChunks();
            List<String> got = new ArrayList<>();
            for (int i = 0; i < md.length(); i += size) {
                got.addAll(c.push(md.substring(i, Math.min(md.length(), i + size))));
            }
            got.add(c.tail());
            assertEquals(MarkdownChunks.split(md), got, "pieces of " + size);
            assertEquals(md, String.join("", got));
        }
    }

    @Test
    void aChunkFinishesOnlyWhenTheNextBlockHasStarted() {
        MarkdownChunks c = new MarkdownChunks();
        assertEquals(List.of(), c.push("First.\n\n"));
        assertEquals(List.of(), c.push("  \n"));
        assertEquals(List.of("First.\n\n  \n"), c.push("Sec"));
        assertEquals(List.of(), c.push("ond.\n"));
        assertEquals("Second.\n", c.tail());
        assertEquals(List.of(""), MarkdownChunks.split(""));
    }
}
