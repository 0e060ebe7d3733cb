package org.participe.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.participe.accounts.AccountService;
import org.participe.privacy.PrivacyService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox: a mail is kept or dropped with the transaction that wrote it, leaves right after
 * the commit, reaches each recipient once however many senders run, and a permanent failure is
 * marked once and left alone.
 */
@SpringBootTest
class MailOutboxIT {

    @Autowired Mailer mailer;
    @Autowired MailOutboxSender sender;
    @Autowired MailOutboxStore store;
    @Autowired AccountService accounts;
    @Autowired PrivacyService privacy;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    private static MailMessage mail(String to, String subject) {
        return new MailMessage(to, subject, "Bonjour,\n\nUn message de test.\n", "<p>Bonjour,</p><p>Un message de test.</p>");
    }

    private int rows(String to) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, to);
    }

    private String status(String to) {
        return jdbc.queryForObject("select status from mail_outbox where recipient = ?", String.class, to);
    }

    @Test
    void aMailWrittenInATransactionThatRollsBackIsNeitherKeptNorSent() throws Exception {
        String dropped = TestData.uniqueEmail("outbox-rolled-back");
        String kept = TestData.uniqueEmail("outbox-committed");

        transactions.executeWithoutResult(status -> {
            mailer.send(mail(dropped, "Jamais parti"));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> mailer.send(mail(kept, "Parti après le commit")));

        assertThat(Mails.awaitLatest(kept, "Parti après le commit")).isNotNull();
        assertThat(rows(dropped)).as("the rollback took the mail with it").isZero();
        assertThat(Mails.count(dropped)).isZero();
        assertThat(status(kept)).isEqualTo("SENT");
    }

    @Test
    void aPasswordResetMailLeavesWithinSecondsOfTheRequestWithoutWaitingForThePoll() {
        // The tests' poll interval is ten minutes (TestInfrastructure): only the nudge after the commit can be this quick.
        ParticipeUser someone = data.confirmedAccount("outbox-reset", Roles.RESIDENT);
        anonymously(() -> accounts.requestPasswordReset(someone.email(), "192.0.2.61"));

        MimeMessage reset = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Mails.latest(someone.email(), ""), message -> message != null);
        assertThat(Mails.link(reset)).contains("reset-password?token=");
        assertThat(jdbc.queryForObject("select account_id from mail_outbox where recipient = ?", Long.class, someone.email()))
                .as("the mail knows whose it is, to be erased with the account").isEqualTo(someone.accountId());
    }

    @Test
    void aMailSomeoneIsWaitingForLeavesBeforeTheBulkQueuedEarlier() {
        // On the dev outbox's channel, which no sender of the tests serves, so that only the claims below take these rows.
        List<String> bulk = IntStream.range(0, 30).mapToObj(i -> TestData.uniqueEmail("outbox-bulk" + i)).toList();
        String waiting = TestData.uniqueEmail("outbox-waiting");
        try {
            transactions.executeWithoutResult(status -> bulk.forEach(to -> store.add(MailChannel.DEV_OUTBOX, mail(to, "Nouveautés").asBulk())));
            transactions.executeWithoutResult(status -> store.add(MailChannel.DEV_OUTBOX, mail(waiting, "Réinitialiser le mot de passe")));

            List<MailOutboxStore.Claimed> first = store.claim(MailChannel.DEV_OUTBOX, UUID.randomUUID(), Duration.ofMinutes(1), 1);
            List<MailOutboxStore.Claimed> rest = store.claim(MailChannel.DEV_OUTBOX, UUID.randomUUID(), Duration.ofMinutes(1), 100);

            assertThat(first).extracting(claimed -> claimed.message().to()).as("written last, sent first").containsExactly(waiting);
            assertThat(rest).extracting(claimed -> claimed.message().to()).as("then the bulk").containsAll(bulk);
        } finally {
            jdbc.update("delete from mail_outbox where recipient = ? or recipient like 'outbox-bulk%@example.org'", waiting);
        }
    }

    @Test
    void severalSendersAtOnceDeliverEachMailExactlyOnce() throws Exception {
        List<String> recipients = IntStream.range(0, 60).mapToObj(i -> TestData.uniqueEmail("outbox-race" + i)).toList();
        // Written straight into the table, without the nudge, so that the senders below start together on a full queue.
        transactions.executeWithoutResult(status -> recipients.forEach(to -> store.add(MailChannel.SMTP, mail(to, "Course"))));

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> senders = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                senders.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sender.deliverDue();
                }, threads));
            }
            start.countDown();
        } finally {
            threads.shutdown();
        }
        int delivered = senders.stream().mapToInt(CompletableFuture::join).sum();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_outbox where recipient in (" + String.join(",", recipients.stream().map(r -> "'" + r + "'").toList())
                        + ") and status = 'SENT'", Integer.class) == recipients.size());
        for (String to : recipients) {
            assertThat(Mails.count(to)).as("mails received by %s", to).isEqualTo(1);
        }
        assertThat(delivered).as("what the four senders say they delivered").isLessThanOrEqualTo(recipients.size());
    }

    @Test
    void aSenderClaimingWhileAnotherHoldsItsClaimGetsOtherMailsWithoutWaiting() throws Exception {
        List<String> recipients = IntStream.range(0, 6).mapToObj(i -> TestData.uniqueEmail("outbox-claim" + i)).toList();
        transactions.executeWithoutResult(status -> recipients.forEach(to -> store.add(MailChannel.SMTP, mail(to, "Réservé"))));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ExecutorService other = Executors.newSingleThreadExecutor();
        List<Long> firstIds = new ArrayList<>();
        List<Long> secondIds = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                firstIds.addAll(store.claim(MailChannel.SMTP, first, Duration.ofMinutes(1), 3).stream().map(MailOutboxStore.Claimed::id).toList());
                // The first claim is not committed yet: the second sender must skip its rows, not wait for them nor take them.
                Future<List<Long>> meanwhile = other.submit(() -> store.claim(MailChannel.SMTP, second, Duration.ofMinutes(1), 3).stream()
                        .map(MailOutboxStore.Claimed::id).toList());
                try {
                    secondIds.addAll(meanwhile.get(5, TimeUnit.SECONDS));
                } catch (TimeoutException waited) {
                    throw new AssertionError("the second sender waited for the first one's rows");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            other.shutdown();
            store.release(firstIds, first);
            store.release(secondIds, second);
        }
        assertThat(firstIds).hasSize(3);
        assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
        sender.deliverDue();
        for (String to : recipients) {
            assertThat(Mails.count(to)).as("mails received by %s", to).isEqualTo(1);
        }
    }

    @Test
    void aPermanentFailureIsMarkedWithItsReasonAndNeverTriedAgain() {
        String broken = "Camille <camille.outbox." + System.nanoTime() + "@example.org";
        String fine = TestData.uniqueEmail("outbox-after-broken");
        transactions.executeWithoutResult(status -> {
            mailer.send(mail(broken, "Adresse cassée"));
            mailer.send(mail(fine, "Adresse correcte"));
        });

        // This test's own sender rounds (beside the application's, nudged by the commit): each round tries what is due.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            sender.deliverDue();
            return "FAILED".equals(status(broken));
        });
        assertThat(Mails.awaitLatest(fine, "Adresse correcte")).as("the others still leave").isNotNull();
        sender.deliverDue();
        sender.deliverDue();
        var row = jdbc.queryForMap("select attempts, last_error, failed_at, next_attempt_at from mail_outbox where recipient = ?", broken);
        assertThat(row.get("attempts")).as("tried once, never again").isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("AddressException");
        assertThat(row.get("failed_at")).isNotNull();
    }

    @Test
    void deletingAnAccountErasesTheMailsKeptForIt() {
        ParticipeUser leaving = data.confirmedAccount("outbox-leaving", Roles.RESIDENT);
        transactions.executeWithoutResult(status -> mailer.send(mail(leaving.email(), "Avant le départ").concerning(leaving.accountId())));
        Mails.awaitLatest(leaving.email(), "Avant le départ");
        assertThat(rows(leaving.email())).isEqualTo(1);

        as(leaving, () -> privacy.deleteMyAccount(TestData.PASSWORD, false));

        assertThat(rows(leaving.email())).isZero();
    }

    @Test
    void deliveredMailsAreDeletedAfterTheRetentionPeriod() {
        String old = TestData.uniqueEmail("outbox-old");
        String recent = TestData.uniqueEmail("outbox-recent");
        for (String to : List.of(old, recent)) {
            jdbc.update("""
                    insert into mail_outbox (channel, recipient, subject, text_body, html_body, status, attempts, sent_at)
                    values ('SMTP', ?, 'Ancien', 'texte', '<p>texte</p>', 'SENT', 1, now() - ?::interval)""", to, to.equals(old) ? "8 days" : "6 days");
        }
        jdbc.update("""
                insert into mail_outbox (channel, recipient, subject, text_body, html_body, status, attempts, failed_at, last_error)
                values ('SMTP', ?, 'Échoué', 'texte', '<p>texte</p>', 'FAILED', 1, now() - interval '8 days', 'AddressException')""", old);

        assertThat(store.purge(Duration.ofDays(7))).isGreaterThanOrEqualTo(2);
        assertThat(rows(old)).isZero();
        assertThat(rows(recent)).isEqualTo(1);
    }
}
