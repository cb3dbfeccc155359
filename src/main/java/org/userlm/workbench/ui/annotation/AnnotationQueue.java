package org.userlm.workbench.ui.annotation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.userlm.workbench.domain.Conversation;

/** The conversations of a queue and how to walk their items. Immutable; no FX. */
final class AnnotationQueue {
    /** An item's place: conversation position in the queue, item index in that conversation. */
    record Position(int conversation, int item) {
    }

    private final List<Conversation> conversations;
    private final Function<Conversation, List<WorkItem>> itemsOf;

    AnnotationQueue(List<Conversation> conversations, Function<Conversation, List<WorkItem>> itemsOf) {
        this.conversations = List.copyOf(conversations);
        this.itemsOf = itemsOf;
    }

    static AnnotationQueue empty() {
        return new AnnotationQueue(List.of(), c -> List.of());
    }

    int size() {
        return conversations.size();
    }

    boolean isEmpty() {
        return conversations.isEmpty();
    }

    Conversation conversation(int pos) {
        return conversations.get(pos);
    }

    List<WorkItem> items(int pos) {
        return itemsOf.apply(conversations.get(pos));
    }

    int totalItems() {
        return conversations.stream().mapToInt(c -> itemsOf.apply(c).size()).sum();
    }

    long count(Predicate<WorkItem> p) {
        return conversations.stream().flatMap(c -> itemsOf.apply(c).stream()).filter(p).count();
    }

    /** The first item after {@code from} (wrapping around the queue, {@code from} itself last) that matches. */
    Optional<Position> next(Position from, Predicate<WorkItem> p) {
        int n = conversations.size();
        for (int step = 0; step <= n && n > 0; step++) {
            int pos = (from.conversation() + step) % n;
            List<WorkItem> its = items(pos);
            int start = step == 0 ? from.item() + 1 : 0;
            int end = step == n ? Math.min(from.item() + 1, its.size()) : its.size();
            for (int i = start; i < end; i++) {
                if (p.test(its.get(i))) {
                    return Optional.of(new Position(pos, i));
                }
            }
        }
        return Optional.empty();
    }

    /** Where the item for this conversation and turn is. */
    Optional<Position> locate(String conversationId, int turnIndex) {
        for (int pos = 0; pos < conversations.size(); pos++) {
            if (conversations.get(pos).id().equals(conversationId)) {
                List<WorkItem> its = items(pos);
                for (int i = 0; i < its.size(); i++) {
                    if (its.get(i).turnIndex() == turnIndex) {
                        return Optional.of(new Position(pos, i));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
