package org.participe.base;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.participe.base.database.DatabaseUnavailable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value read on every page and rarely changed (the town's settings, its categories), kept
 * in memory for a while instead of read again. The instance that changes the value drops it at
 * once and again when the change commits; other instances sharing the database drop theirs when
 * told (see {@code InstanceBus}), or at the latest when their copy expires. While the database
 * cannot be reached, the last copy is served.
 */
public final class Expiring<T> {

    private record Copy<T>(T value, long readAt) {
    }

    private static final long RETRY_AFTER_NANOS = Duration.ofSeconds(5).toNanos();

    private final Supplier<T> source;
    private final long lifetimeNanos;
    private volatile Copy<T> copy;
    /** Counts the changes, so that a value read while a change was under way is not kept. */
    private final AtomicLong changes = new AtomicLong();

    public Expiring(Duration lifetime, Supplier<T> source) {
        this.source = source;
        this.lifetimeNanos = lifetime.toNanos();
    }

    public T get() {
        Copy<T> current = copy;
        long now = System.nanoTime();
        if (current != null && now - current.readAt() < lifetimeNanos) {
            return current.value();
        }
        long before = changes.get();
        T value;
        try {
            value = source.get();
        } catch (RuntimeException failure) {
            if (current == null || !DatabaseUnavailable.causedBy(failure)) {
                throw failure;
            }
            // Without the database, the last copy serves a little longer than a failure on every page.
            copy = new Copy<>(current.value(), now - lifetimeNanos + RETRY_AFTER_NANOS);
            return current.value();
        }
        if (changes.get() == before) {
            copy = new Copy<>(value, now);
        }
        return value;
    }

    /**
     * Forgets the value now and, inside a transaction, once more after it commits, so that a page
     * read between the change and its commit cannot keep the old value.
     */
    public void forget() {
        changes.incrementAndGet();
        copy = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    copy = null;
                }
            });
        }
    }
}
