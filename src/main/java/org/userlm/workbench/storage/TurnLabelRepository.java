package org.userlm.workbench.storage;

import java.util.List;
import org.userlm.workbench.domain.TurnLabel;

/** Stored evaluations of assistant turns ({@link TurnLabel}), one per turn. Thread-safe. */
public interface TurnLabelRepository {
    /** Stores (or replaces) the labels of a conversation's turns; returns after the commit. */
    void save(String conversationId, List<TurnLabel> labels);

    /** The conversation's labels, by turn index. */
    List<TurnLabel> list(String conversationId);
}
