package org.userlm.workbench.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Run;
import org.userlm.workbench.domain.Turn;

/**
 * Stores conversations and their turns. Writes happen on the storage's own writer thread; methods that say
 * "durable" return only once the data is committed. Thread-safe.
 */
public interface ConversationRepository {

    /** Creates a run (durable). */
    void createRun(Run run);

    /** Creates a conversation row with the turns it already holds (e.g. copied by a fork). Durable. */
    void create(Conversation conversation);

    /**
     * Saves the latest text of a streaming turn. Not durable on return: checkpoints are coalesced and written
     * within a fraction of a second; a later checkpoint or {@link #saveTurn} of the same turn supersedes it.
     */
    void checkpoint(String conversationId, Turn streamingTurn);

    /** Saves a turn and its guardrail events (insert or replace). Durable. */
    void saveTurn(String conversationId, Turn turn);

    /** Removes a turn (one that was started but turned out empty). Durable. */
    void deleteTurn(String conversationId, int index);

    /** Records why the conversation ended. Durable. */
    void finish(String conversationId, EndReason reason);

    /** Renames a conversation. Durable. */
    void rename(String conversationId, String title);

    /** Hides a conversation from history; {@link #restore} undoes it. Durable. */
    void delete(String conversationId);

    /** Undoes {@link #delete}. Durable. */
    void restore(String conversationId);

    /** A conversation with its turns and events, or empty (also for deleted ones). */
    Optional<Conversation> find(String conversationId);

    /** History rows, newest first, without deleted ones. */
    List<ConversationSummary> list();

    /** Conversations whose turns match an FTS5 query (plain words are fine), newest first. */
    List<ConversationSummary> search(String query);

    /**
     * For a full-text query: conversation id → a short excerpt of a matching turn, the match in [brackets], for
     * the conversations in {@code ids} only (a page of results: the cost follows the page, not the store).
     * Empty when the store cannot tell.
     */
    default Map<String, String> snippets(String query, Collection<String> ids) {
        return Map.of();
    }

    /** Every conversation with its turns, oldest first (for export). */
    List<Conversation> all();

    /** The newest {@code limit} history rows, newest first, without deleted ones. */
    default List<ConversationSummary> recent(int limit) {
        List<ConversationSummary> all = list();
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    /**
     * Up to {@code limit} conversations whose turns match an FTS5 query, those with the most recently written
     * matching turns first (which, conversations being written in order, are the newest).
     */
    default List<ConversationSummary> searchRecent(String query, int limit) {
        List<ConversationSummary> all = search(query);
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    /**
     * Hands every conversation with its turns, oldest first, to {@code sink} one at a time, without holding them
     * all in memory (export). The sink runs on the calling thread; a RuntimeException from it stops the walk.
     */
    default void forEach(Consumer<Conversation> sink) {
        all().forEach(sink);
    }

    /** Marks turns left PENDING/STREAMING by a crash as FAILED and their conversations as ended by error. */
    int recoverInterrupted();
}
