package org.participe.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.participe.notifications.NotificationItem;
import org.participe.notifications.NotificationKind;
import org.participe.notifications.NotificationMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates notifications once per person and event, and queues the e-mails wanted at once in the
 * same transaction (the mail outbox): they leave after the commit, so an SMTP failure or a slow
 * server never undoes anyone's notifications nor holds the transaction open.
 */
@Component
public class NotificationStore {

    private final JdbcClient jdbc;
    private final NotificationMails mails;
    private final BellBroadcaster bell;
    private final Clock clock;

    NotificationStore(JdbcClient jdbc, NotificationMails mails, BellBroadcaster bell, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.bell = bell;
        this.clock = clock;
    }

    /** Confirmed followers of a piece of content, but some people (the actor, someone told otherwise). */
    public List<Recipient> followers(String targetType, long targetId, List<Long> except) {
        return jdbc.sql("""
                        select a.id, a.email, a.display_name, a.locale from follow f join account a on a.id = f.account_id
                        where f.target_type = :type and f.target_id = :id and a.email_confirmed_at is not null
                          and not (a.id = any(:except)) order by a.id""")
                .param("type", targetType).param("id", targetId).param("except", except.toArray(Long[]::new))
                .query(NotificationStore::recipient).list();
    }

    /** The confirmed officials who may act on what they are told. */
    public List<Recipient> officials() {
        return jdbc.sql("""
                        select a.id, a.email, a.display_name, a.locale from account a join account_role r on r.account_id = a.id
                        where r.role = 'OFFICIAL' and a.email_confirmed_at is not null and a.blocked_at is null order by a.id""")
                .query(NotificationStore::recipient).list();
    }

    public List<Recipient> accounts(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, email, display_name, locale from account where id in (:ids) and email_confirmed_at is not null order by id")
                .param("ids", ids).query(NotificationStore::recipient).list();
    }

    public interface Texts {
        String subject(Locale locale);

        String detail(Locale locale);
    }

    /**
     * Records one notification per recipient for this event (a redelivered event adds nothing),
     * queues an e-mail for those who want it at once ({@code emailed_at} then says it was queued),
     * and rings their bells after the commit.
     */
    public void notify(List<Recipient> recipients, NotificationKind kind, String eventKey, String targetType, long targetId, Texts texts) {
        List<Long> rung = new ArrayList<>();
        for (Recipient recipient : recipients) {
            String subject = texts.subject(recipient.locale());
            String detail = texts.detail(recipient.locale());
            Long id = jdbc.sql("""
                            insert into notification (recipient_id, kind, event_key, target_type, target_id, subject, detail, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (recipient_id, event_key) do nothing returning id""")
                    .params(recipient.accountId(), kind.name(), eventKey, targetType, targetId, truncate(subject, 300), truncate(detail, 600),
                            Timestamp.from(clock.instant()))
                    .query(Long.class).optional().orElse(null);
            boolean unsent = id != null || Boolean.TRUE.equals(jdbc.sql("select emailed_at is null from notification where recipient_id = ? and event_key = ?")
                    .params(recipient.accountId(), eventKey).query(Boolean.class).optional().orElse(false));
            if (id != null) {
                rung.add(recipient.accountId());
            }
            if (unsent && mode(recipient.accountId(), kind) == NotificationMode.AT_ONCE) {
                NotificationItem item = new NotificationItem(id == null ? 0 : id, kind, targetType, targetId, subject, detail, clock.instant(), false);
                mails.sendOne(recipient, item);
                jdbc.sql("update notification set emailed_at = ? where recipient_id = ? and event_key = ?")
                        .params(Timestamp.from(clock.instant()), recipient.accountId(), eventKey).update();
            }
        }
        bell.ring(rung);
    }

    public NotificationMode mode(long accountId, NotificationKind kind) {
        return jdbc.sql("select mode from notification_preference where account_id = ? and kind = ?").params(accountId, kind.name())
                .query(String.class).optional().map(NotificationMode::valueOf).orElse(kind.defaultMode());
    }

    static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), Locale.forLanguageTag(rs.getString(4)));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
