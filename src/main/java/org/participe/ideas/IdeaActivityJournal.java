package org.participe.ideas;

import java.util.List;

import org.participe.ideas.internal.IdeaActivityJournalStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way out of the ideas' activity journal, which PostgreSQL fills on every change of an idea or
 * a support (V26__ideas_activity_journal.sql). A module whose figures follow ideas takes a batch,
 * counts again what the batch touched from the views ideas publish ({@code idea_participation},
 * {@code support_participation}, {@code idea_report}…), and commits both together: should it fail,
 * the rows go back to the journal with the rollback. Only reporting does so today.
 */
@Component
public class IdeaActivityJournal {

    private final IdeaActivityJournalStore store;

    IdeaActivityJournal(IdeaActivityJournalStore store) {
        this.store = store;
    }

    /**
     * Removes and returns at most {@code limit} of the oldest rows, skipping those another
     * transaction is taking; in the caller's transaction, which must exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<IdeaActivityChange> take(int limit) {
        return store.take(limit);
    }

    /** Whether the journal holds no row, taken or not by a transaction still open. */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return store.isEmpty();
    }
}
