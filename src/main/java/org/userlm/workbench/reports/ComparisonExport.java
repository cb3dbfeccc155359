package org.userlm.workbench.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.simulation.compare.ComparisonLoader;
import org.userlm.workbench.storage.ConversationJsonl;

/** Writes a loaded comparison as files: the HTML page and the JSON Lines of its conversations (CLI and GUI). */
public final class ComparisonExport {
    private ComparisonExport() {
    }

    /** The self-contained HTML page ({@link ComparisonHtml}). */
    public static void writeHtml(ComparisonLoader.Loaded comparison, Path file) throws IOException {
        Files.writeString(file, ComparisonHtml.render(comparison), StandardCharsets.UTF_8);
    }

    /** The page with the comparison's blind pairwise judgments. */
    public static void writeHtml(ComparisonLoader.Loaded comparison, List<org.userlm.workbench.domain.Judgment>
            judgments, Path file) throws IOException {
        Files.writeString(file, ComparisonHtml.render(comparison, judgments), StandardCharsets.UTF_8);
    }

    /** Every conversation of the comparison as JSON Lines ({@link ConversationJsonl}); returns how many. */
    public static int writeJsonl(ComparisonLoader.Loaded comparison, Path file) throws IOException {
        List<Conversation> conversations = comparison.conversations().stream()
                .map(CompletedConversation::conversation).toList();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ConversationJsonl.write(conversations, w);
        }
        return conversations.size();
    }
}
