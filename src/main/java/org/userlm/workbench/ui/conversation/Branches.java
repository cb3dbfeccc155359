package org.userlm.workbench.ui.conversation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.storage.ConversationSummary;

/** The branch switcher's family of a conversation: its root and every fork below that root. */
final class Branches {
    private Branches() {
    }

    /** The conversation, its ancestors' root and every descendant of that root, oldest first. */
    static List<ConversationSummary> family(List<ConversationSummary> all, String id) {
        Map<String, ConversationSummary> byId = new HashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        String root = root(byId, id);
        return all.stream().filter(s -> root.equals(root(byId, s.id())))
                .sorted(Comparator.comparingLong(ConversationSummary::createdAtMs)).toList();
    }

    private static String root(Map<String, ConversationSummary> byId, String id) {
        String cur = id;
        for (int guard = 0; guard < 1000; guard++) {
            ConversationSummary s = byId.get(cur);
            if (s == null || s.parentId() == null || !byId.containsKey(s.parentId())) {
                return cur;
            }
            cur = s.parentId();
        }
        return cur;
    }

}
