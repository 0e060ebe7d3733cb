package org.participe.reporting;

import java.util.List;

import org.participe.comments.CommentActivityChange;
import org.participe.comments.CommentActivityJournal;
import org.participe.ideas.IdeaActivityChange;
import org.participe.ideas.IdeaActivityJournal;
import org.participe.reporting.internal.FoldStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollups ({@code activity_daily}, {@code participant_days}, {@code participant_days_detail})
 * in step with ideas, supports and comments. Their owners journal each change (V26, V27); this takes
 * the journal rows through their APIs ({@link IdeaActivityJournal}, {@link CommentActivityJournal})
 * in batches and, in the same transaction, counts again from their published views the rollup rows
 * each batch touched (V28__reporting_journal_fold.sql). Counting again rather than adding makes a
 * fold exact whatever the order of the journals; one fold runs at a time across instances (an
 * advisory lock). A job folds every {@code participe.reporting.fold-delay} (one second by default)
 * until the journals are empty; the figures fold first ({@link #catchUp()}), so that staff see the
 * last actions.
 */
@Component
class ActivityFold {

    /** Journal rows of each owner per transaction. */
    static final int BATCH = 1_000;
    /** Batches a read folds at most before counting (the job folds the rest). */
    static final int READ_BATCHES = 50;

    private final IdeaActivityJournal ideaJournal;
    private final CommentActivityJournal commentJournal;
    private final FoldStore store;
    private final TransactionTemplate transactions;

    ActivityFold(IdeaActivityJournal ideaJournal, CommentActivityJournal commentJournal, FoldStore store,
                 PlatformTransactionManager transactionManager) {
        this.ideaJournal = ideaJournal;
        this.commentJournal = commentJournal;
        this.store = store;
        // Its own transaction even when called from another one: the fold commits what it counted.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The job: folds until the journals are empty, unless another transaction is folding (then it is its turn). */
    @Scheduled(fixedDelayString = "${participe.reporting.fold-delay:PT1S}", initialDelayString = "${participe.reporting.fold-delay:PT1S}")
    void fold() {
        while (batch(false) == Batch.FULL) {
            // the next batch
        }
    }

    /**
     * Before figures are read: folds what the journals hold, waiting for a fold under way to end
     * rather than counting before it. Nothing to do, and no lock, when the journals are empty.
     */
    void catchUp() {
        for (int i = 0; i < READ_BATCHES; i++) {
            if (ideaJournal.isEmpty() && commentJournal.isEmpty()) {
                return;
            }
            if (batch(true) != Batch.FULL) {
                return;
            }
        }
    }

    enum Batch { LOCKED_ELSEWHERE, PARTIAL, FULL }

    /** One batch in one transaction: with {@code wait}, waits for the lock instead of giving up. */
    Batch batch(boolean wait) {
        return transactions.execute(status -> {
            if (wait) {
                store.lock();
            } else if (!store.tryLock()) {
                return Batch.LOCKED_ELSEWHERE;
            }
            List<IdeaActivityChange> ideaChanges = ideaJournal.take(BATCH);
            List<CommentActivityChange> commentChanges = commentJournal.take(BATCH);
            if (!ideaChanges.isEmpty() || !commentChanges.isEmpty()) {
                store.recount(ideaChanges, commentChanges);
            }
            return ideaChanges.size() == BATCH || commentChanges.size() == BATCH ? Batch.FULL : Batch.PARTIAL;
        });
    }
}
