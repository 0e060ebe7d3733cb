package org.participe.base.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work that must only follow a change once it is visible to others (a mail to send, a page to
 * update, sessions to end): after the current transaction commits, never after a rollback, and at
 * once when no transaction is running.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
