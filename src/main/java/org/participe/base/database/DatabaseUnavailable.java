package org.participe.base.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach PostgreSQL (server stopped, network cut, no connection within the
 * pool's timeout) from other errors: pages then say the service is briefly unavailable, and what
 * only decorates a page (a count in the menu) is left out instead of failing the page.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Reads something a page can do without; without the database, the fallback. */
    public static <T> T orElse(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (RuntimeException failure) {
            if (causedBy(failure)) {
                return fallback;
            }
            throw failure;
        }
    }

    /** Does something a page can do without; without the database, nothing. */
    public static void orSkip(Runnable write) {
        orElse(() -> {
            write.run();
            return null;
        }, null);
    }
}
