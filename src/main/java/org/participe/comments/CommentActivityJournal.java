package org.participe.comments;

import java.util.List;

import org.participe.comments.internal.CommentActivityJournalStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way out of the comments' activity journal, which PostgreSQL fills on every comment written,
 * deleted, hidden or shown again (V27__comments_activity_journal.sql). A module whose figures follow
 * comments takes a batch, counts again what it touched from the view comments publish
 * ({@code comment_participation}), and commits both together. Only reporting does so today.
 */
@Component
public class CommentActivityJournal {

    private final CommentActivityJournalStore store;

    CommentActivityJournal(CommentActivityJournalStore store) {
        this.store = store;
    }

    /**
     * Removes and returns at most {@code limit} of the oldest rows, skipping those another
     * transaction is taking; in the caller's transaction, which must exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<CommentActivityChange> take(int limit) {
        return store.take(limit);
    }

    /** Whether the journal holds no row, taken or not by a transaction still open. */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return store.isEmpty();
    }
}
