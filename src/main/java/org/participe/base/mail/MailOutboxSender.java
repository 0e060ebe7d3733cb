package org.participe.base.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the mails of the outbox, outside any database transaction: it claims a few due mails
 * (one short statement, committed), hands each to the SMTP server (or the dev outbox), then records
 * the result. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several application
 * instances (or threads) share the work and never take the same mail.
 *
 * <p>It runs on one thread of its own, woken right after a transaction that wrote a mail commits
 * (see {@link MailOutbox}), when the next retry is due, and at least every {@code poll-interval}.
 * A temporary failure is retried with back-off ({@link RetryPolicy}); a permanent one (an invalid
 * address, a 5xx reply) is marked failed with its reason and never retried. When the server does
 * not answer at all, the rest of the batch waits for the next try instead of each failing in turn.
 * Delivered and failed mails are deleted after {@code keep}: they hold personal data.
 */
@Component
public class MailOutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    private static final int BATCH = 20;
    /** A claim lasts this long; a sender stops trying its batch at half of it, so that nobody takes a mail it may still be sending. */
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(200);
    private static final Duration AFTER_DATABASE_ERROR = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final MailOutboxStore store;
    private final MailTransport transport;
    private final RetryPolicy retry;
    private final Duration pollInterval;
    private final Duration keep;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean stopping;
    private ScheduledFuture<?> wakeUp;
    private Instant lastPurge = Instant.EPOCH;

    MailOutboxSender(MailOutboxStore store, MailTransport transport,
               @Value("${participe.mail.outbox.poll-interval:30s}") Duration pollInterval,
               @Value("${participe.mail.outbox.retry-first:1m}") Duration retryFirst,
               @Value("${participe.mail.outbox.retry-longest:1h}") Duration retryLongest,
               @Value("${participe.mail.outbox.give-up-after:2d}") Duration giveUpAfter,
               @Value("${participe.mail.outbox.keep:7d}") Duration keep) {
        this.store = store;
        this.transport = transport;
        this.retry = new RetryPolicy(retryFirst, retryLongest, giveUpAfter);
        this.pollInterval = pollInterval;
        this.keep = keep;
    }

    /** Asks for a delivery round as soon as possible; rounds never overlap within an instance. */
    public void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && nudged.compareAndSet(false, true)) {
            try {
                running.execute(this::round);
            } catch (RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    /**
     * Delivers every mail due now, batch after batch, and returns how many left. Safe to call from
     * several threads or instances at once: each claims its own mails.
     */
    public int deliverDue() {
        int delivered = 0;
        while (!stopping) {
            UUID claim = UUID.randomUUID();
            Instant stopTrying = Instant.now().plus(LEASE.dividedBy(2));
            List<MailOutboxStore.Claimed> batch = store.claim(transport.channel(), claim, LEASE, BATCH);
            if (batch.isEmpty()) {
                return delivered;
            }
            for (int i = 0; i < batch.size(); i++) {
                MailOutboxStore.Claimed mail = batch.get(i);
                List<MailOutboxStore.Claimed> rest = batch.subList(i + 1, batch.size());
                if (stopping || Instant.now().isAfter(stopTrying)) {
                    store.release(batch.subList(i, batch.size()).stream().map(MailOutboxStore.Claimed::id).toList(), claim);
                    break;
                }
                try {
                    transport.deliver(mail.message());
                } catch (Exception e) {
                    MailFailure failure = MailFailure.of(e);
                    failed(mail, claim, failure);
                    if (failure.kind() == MailFailure.Kind.SERVER_UNAVAILABLE) {
                        rest.forEach(other -> failed(other, claim, failure));
                        log.warn("Mail: the server did not answer ({}); {} mail(s) wait for the next try", failure.reason(), rest.size() + 1);
                        return delivered;
                    }
                    continue;
                }
                delivered++;
                if (!store.markSent(mail.id(), claim)) {
                    log.warn("Mail {}: delivered after its claim ran out; another sender may deliver it again", mail.id());
                }
            }
        }
        return delivered;
    }

    private void failed(MailOutboxStore.Claimed mail, UUID claim, MailFailure failure) {
        if (failure.permanent()) {
            store.markFailed(mail.id(), claim, failure.reason());
            log.warn("Mail {} to {} failed for good: {}", mail.id(), mail.message().to(), failure.reason());
            return;
        }
        Duration delay = retry.delayAfter(mail.attempts());
        if (retry.givesUp(mail.writtenAt(), mail.now().plus(delay))) {
            store.markFailed(mail.id(), claim, "Given up after " + mail.attempts() + " attempts: " + failure.reason());
            log.warn("Mail {} to {} given up after {} attempts: {}", mail.id(), mail.message().to(), mail.attempts(), failure.reason());
        } else {
            store.retryLater(mail.id(), claim, delay, failure.reason());
            log.debug("Mail {}: attempt {} failed ({}), next in {}", mail.id(), mail.attempts(), failure.reason(), delay);
        }
    }

    /** One round on the sender's thread: deliver what is due, purge now and then, and sleep until the next due mail. */
    private void round() {
        nudged.set(false);
        Duration next = pollInterval;
        try {
            deliverDue();
            Instant now = Instant.now();
            if (now.isAfter(lastPurge.plus(PURGE_EVERY))) {
                lastPurge = now;
                int purged = store.purge(keep);
                if (purged > 0) {
                    log.info("Mail: {} delivered or failed mail(s) older than {} deleted", purged, keep);
                }
            }
            next = store.nextDueIn(transport.channel()).filter(due -> due.compareTo(pollInterval) < 0).orElse(pollInterval);
        } catch (RuntimeException e) {
            log.warn("Mail: the outbox could not be read or updated ({}); trying again soon", e.getMessage());
            next = AFTER_DATABASE_ERROR.compareTo(pollInterval) < 0 ? AFTER_DATABASE_ERROR : pollInterval;
        }
        wakeUpIn(next.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : next);
    }

    private synchronized void wakeUpIn(Duration delay) {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        try {
            wakeUp = running.schedule(this::nudge, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeUp = null;
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            stopping = false;
            // A round queued on the executor of a previous start may have been dropped with it (a stop
            // that had to force the thread): the flag it left would refuse every nudge from now on.
            nudged.set(false);
            var threads = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "mail-sender");
                thread.setDaemon(true);
                return thread;
            });
            threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor = threads;
            nudge();
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            stopping = true;
            running = executor;
            executor = null;
        }
        if (running != null) {
            // The mail being handed over finishes (interrupting it could leave it sent but not marked so).
            running.shutdown();
            try {
                if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /**
     * Not stopped when a test context is paused (Spring 7 pauses cached contexts not in use): the
     * sender is the only way out for mails already committed, whichever context wrote them, and it
     * shares the work safely with the senders of other contexts or instances.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
