package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.storage.ConversationSummary;

/** The branch switcher's family: the root and every descendant, oldest first. */
class FamilyTest {
    private static ConversationSummary s(String id, String parent, long at) {
        return new ConversationSummary(id, id, "t", "userlm", "u", "a", null, at, 2, parent, null);
    }

    @Test
    void collectsRootAndDescendantsOnly() {
        List<ConversationSummary> all = List.of(s("fork2", "fork1", 3), s("other", null, 4), s("fork1", "root", 2),
                s("root", null, 1));
        List<String> ids = Branches.family(all, "fork2").stream().map(ConversationSummary::id).toList();
        assertEquals(List.of("root", "fork1", "fork2"), ids);
        assertEquals(List.of("other"), Branches.family(all, "other").stream()
                .map(ConversationSummary::id).toList());
    }
}
