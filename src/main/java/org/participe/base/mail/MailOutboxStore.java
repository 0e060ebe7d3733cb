package org.participe.base.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the mail outbox (table {@code mail_outbox}, migration V17, owned by {@code base/mail}).
 * Times come from the database's clock, shared by every application instance, so that a lease or a
 * retry means the same to all of them.
 */
@Component
class MailOutboxStore {

    /** A mail claimed for delivery by one sender: no other sender takes it while {@code claim} holds it. */
    record Claimed(long id, MailMessage message, int attempts, Instant writtenAt, Instant now) {
    }

    private final JdbcClient jdbc;

    MailOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a mail in the current transaction, if any: it is delivered only once that commits. */
    void add(MailChannel channel, MailMessage message) {
        StringBuilder headers = new StringBuilder();
        message.headers().forEach((name, value) -> headers.append(name).append(": ").append(value).append('\n'));
        jdbc.sql("""
                        insert into mail_outbox (channel, account_id, recipient, subject, text_body, html_body, headers, bulk)
                        values (:channel, :account, :to, :subject, :text, :html, :headers, :bulk)""")
                .param("channel", channel.name()).param("account", message.accountId()).param("to", message.to())
                .param("subject", message.subject()).param("text", message.textBody()).param("html", message.htmlBody())
                .param("headers", headers.toString()).param("bulk", message.bulk()).update();
    }

    /**
     * Claims up to {@code batch} mails due now, the ones someone is waiting for before bulk ones, oldest first, in one statement (its own
     * transaction): rows another sender is claiming are skipped, not waited for, so that two senders
     * never get the same mail. A mail whose claim expired (its sender stopped mid-way) is due again.
     */
    List<Claimed> claim(MailChannel channel, UUID claim, Duration lease, int batch) {
        return jdbc.sql("""
                        update mail_outbox m set status = 'SENDING', attempts = m.attempts + 1, claimed_by = :claim,
                               claimed_until = clock_timestamp() + :lease * interval '1 millisecond'
                        where m.id in (select id from mail_outbox
                                       where channel = :channel
                                         and ((status = 'PENDING' and next_attempt_at <= clock_timestamp())
                                              or (status = 'SENDING' and claimed_until < clock_timestamp()))
                                       order by bulk, next_attempt_at, id limit :batch for update skip locked)
                        returning m.id, m.recipient, m.subject, m.text_body, m.html_body, m.headers, m.account_id, m.attempts,
                                  m.created_at, clock_timestamp()""")
                .param("claim", claim).param("lease", lease.toMillis()).param("channel", channel.name()).param("batch", batch)
                .query(MailOutboxStore::claimed).list()
                .stream().sorted(Comparator.comparingLong(Claimed::id)).toList();
    }

    boolean markSent(long id, UUID claim) {
        return jdbc.sql("""
                        update mail_outbox set status = 'SENT', sent_at = clock_timestamp(), claimed_by = null, claimed_until = null,
                               last_error = null where id = :id and claimed_by = :claim""")
                .param("id", id).param("claim", claim).update() == 1;
    }

    boolean retryLater(long id, UUID claim, Duration delay, String reason) {
        return jdbc.sql("""
                        update mail_outbox set status = 'PENDING', next_attempt_at = clock_timestamp() + :delay * interval '1 millisecond',
                               claimed_by = null, claimed_until = null, last_error = :reason where id = :id and claimed_by = :claim""")
                .param("delay", delay.toMillis()).param("reason", reason).param("id", id).param("claim", claim).update() == 1;
    }

    boolean markFailed(long id, UUID claim, String reason) {
        return jdbc.sql("""
                        update mail_outbox set status = 'FAILED', failed_at = clock_timestamp(), claimed_by = null, claimed_until = null,
                               last_error = :reason where id = :id and claimed_by = :claim""")
                .param("reason", reason).param("id", id).param("claim", claim).update() == 1;
    }

    /** Gives back mails claimed but not tried (the claim ran short): they are due again at once, the attempt not counted. */
    void release(List<Long> ids, UUID claim) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            update mail_outbox set status = 'PENDING', attempts = attempts - 1, claimed_by = null, claimed_until = null
                            where id in (:ids) and claimed_by = :claim""")
                    .param("ids", ids).param("claim", claim).update();
        }
    }

    /** How long until a mail of this channel is due (a retry, or a claim that runs out), if one is waiting. */
    Optional<Duration> nextDueIn(MailChannel channel) {
        return jdbc.sql("""
                        select (extract(epoch from (least(
                                   (select min(next_attempt_at) from mail_outbox where channel = :channel and status = 'PENDING'),
                                   (select min(claimed_until) from mail_outbox where channel = :channel and status = 'SENDING'))
                               - clock_timestamp())) * 1000)::bigint""")
                .param("channel", channel.name())
                .query((rs, row) -> {
                    long millis = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(Math.max(0, millis)));
                }).single();
    }

    /** Deletes the mails delivered or given up longer ago than {@code keep}: they hold personal data. */
    int purge(Duration keep) {
        return jdbc.sql("""
                        delete from mail_outbox
                        where (status = 'SENT' and channel in ('SMTP', 'DEV_OUTBOX') and sent_at < clock_timestamp() - :keep * interval '1 millisecond')
                           or (status = 'FAILED' and failed_at < clock_timestamp() - :keep * interval '1 millisecond')""")
                .param("keep", keep.toMillis()).update();
    }

    /** The latest mails delivered by this channel, newest first. */
    List<DevOutbox.Entry> latestDelivered(MailChannel channel, int limit) {
        return jdbc.sql("""
                        select id, recipient, subject, text_body, html_body, headers, account_id, attempts, created_at, sent_at
                        from mail_outbox where channel = :channel and status = 'SENT' order by sent_at desc, id desc limit :limit""")
                .param("channel", channel.name()).param("limit", limit)
                .query((rs, row) -> new DevOutbox.Entry(rs.getTimestamp(10).toInstant(), message(rs))).list();
    }

    /** Deletes every mail kept for this account, delivered or not. */
    void eraseFor(long accountId) {
        jdbc.sql("delete from mail_outbox where account_id = ?").param(accountId).update();
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(rs.getLong(1), message(rs), rs.getInt(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant());
    }

    /** Columns 1 to 7: id, recipient, subject, text and HTML bodies, headers, account. */
    private static MailMessage message(ResultSet rs) throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : rs.getString(6).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        long account = rs.getLong(7);
        return new MailMessage(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), headers, rs.wasNull() ? null : account, false);
    }
}
