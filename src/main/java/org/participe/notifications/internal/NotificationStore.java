package org.participe.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.participe.accounts.Addressee;
import org.participe.accounts.Addressees;
import org.participe.base.content.ContentKey;
import org.participe.follows.Followers;
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
    private final Addressees addressees;
    private final Followers followers;
    private final NotificationMails mails;
    private final BellBroadcaster bell;
    private final Clock clock;

    NotificationStore(JdbcClient jdbc, Addressees addressees, Followers followers, NotificationMails mails, BellBroadcaster bell, Clock clock) {
        this.jdbc = jdbc;
        this.addressees = addressees;
        this.followers = followers;
        this.mails = mails;
        this.bell = bell;
        this.clock = clock;
    }

    /** Confirmed followers of a piece of content, but some people (the actor, someone told otherwise). */
    public List<Recipient> followers(ContentKey target, List<Long> except) {
        return accounts(followers.of(target, except));
    }

    /** The confirmed officials who may act on what they are told. */
    public List<Recipient> officials() {
        return addressees.officials().stream().map(NotificationStore::recipient).toList();
    }

    /** The confirmed accounts among these, in one statement however many they are. */
    public List<Recipient> accounts(List<Long> ids) {
        return addressees.confirmed(ids).stream().map(NotificationStore::recipient).toList();
    }

    public interface Texts {
        String subject(Locale locale);

        String detail(Locale locale);
    }

    /** {@link #notify(List, NotificationKind, String, String, long, Texts)} about a piece of content. */
    public void notify(List<Recipient> recipients, NotificationKind kind, String eventKey, ContentKey about, Texts texts) {
        notify(recipients, kind, eventKey, about.kind().name(), about.id(), texts);
    }

    /**
     * Records one notification per recipient for this event (a redelivered event adds nothing),
     * queues an e-mail for those who want it at once ({@code emailed_at} then says it was queued),
     * and rings their bells after the commit. A few statements whatever the number of recipients
     * (the texts travel as arrays); only the queued e-mails are one row each.
     */
    public void notify(List<Recipient> recipients, NotificationKind kind, String eventKey, String targetType, long targetId, Texts texts) {
        if (recipients.isEmpty()) {
            return;
        }
        Map<Locale, String> subjects = new HashMap<>();
        Map<Locale, String> details = new HashMap<>();
        Long[] ids = new Long[recipients.size()];
        String[] subjectColumn = new String[recipients.size()];
        String[] detailColumn = new String[recipients.size()];
        for (int i = 0; i < recipients.size(); i++) {
            Locale locale = recipients.get(i).locale();
            ids[i] = recipients.get(i).accountId();
            subjectColumn[i] = subjects.computeIfAbsent(locale, texts::subject);
            detailColumn[i] = details.computeIfAbsent(locale, texts::detail);
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> rung = jdbc.sql("""
                        insert into notification (recipient_id, kind, event_key, target_type, target_id, subject, detail, created_at)
                        select t.recipient, :kind, :key, :type, :target, t.subject, t.detail, :now
                        from unnest(:ids::bigint[], :subjects::text[], :details::text[]) as t(recipient, subject, detail)
                        on conflict (recipient_id, event_key) do nothing returning recipient_id""")
                .param("kind", kind.name()).param("key", eventKey).param("type", targetType).param("target", targetId).param("now", now)
                .param("ids", ids).param("subjects", truncated(subjectColumn, 300)).param("details", truncated(detailColumn, 600))
                .query(Long.class).list();
        // New rows, and rows of an earlier delivery that stopped before their e-mail was queued.
        Map<Long, Long> unsent = new HashMap<>();
        jdbc.sql("select recipient_id, id from notification where event_key = :key and recipient_id = any(:ids) and emailed_at is null")
                .param("key", eventKey).param("ids", ids)
                .query((rs, row) -> unsent.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, NotificationMode> modes = modes(unsent.keySet(), kind);
        List<Long> mailed = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            Long id = unsent.get(recipient.accountId());
            if (id != null && modes.getOrDefault(recipient.accountId(), kind.defaultMode()) == NotificationMode.AT_ONCE) {
                mails.sendOne(recipient, new NotificationItem(id, kind, targetType, targetId, subjectColumn[i], detailColumn[i], clock.instant(), false));
                mailed.add(recipient.accountId());
            }
        }
        if (!mailed.isEmpty()) {
            jdbc.sql("update notification set emailed_at = :now where event_key = :key and recipient_id = any(:ids)")
                    .param("now", Timestamp.from(clock.instant())).param("key", eventKey).param("ids", mailed.toArray(Long[]::new)).update();
        }
        bell.ring(rung);
    }

    /** The chosen modes of these people for one kind, in one statement (no row: the kind's default). */
    private Map<Long, NotificationMode> modes(Collection<Long> accountIds, NotificationKind kind) {
        Map<Long, NotificationMode> modes = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("select account_id, mode from notification_preference where kind = :kind and account_id = any(:ids)")
                    .param("kind", kind.name()).param("ids", accountIds.toArray(Long[]::new))
                    .query((rs, row) -> modes.put(rs.getLong(1), NotificationMode.valueOf(rs.getString(2)))).list();
        }
        return modes;
    }

    private static Recipient recipient(Addressee addressee) {
        return new Recipient(addressee.accountId(), addressee.email(), addressee.displayName(), addressee.locale());
    }

    private static String[] truncated(String[] values, int max) {
        String[] result = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i].length() <= max ? values[i] : values[i].substring(0, max - 1) + "…";
        }
        return result;
    }
}
