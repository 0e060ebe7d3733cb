package org.participe.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.notifications.NotificationItem;
import org.participe.notifications.NotificationKind;
import org.participe.notifications.NotificationMode;
import org.participe.base.database.OneInstance;
import org.participe.moderation.HiddenContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, one e-mail per person gathering what they chose to receive as a digest. With
 * several app instances, a PostgreSQL advisory lock lets only one send, and every notification
 * sent is marked in the same transaction, so that nothing goes out twice.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final JdbcClient jdbc;
    private final NotificationMails mails;
    private final NotificationStore store;
    private final HiddenContent hiddenContent;
    private final Clock clock;

    DailyDigest(JdbcClient jdbc, NotificationMails mails, NotificationStore store, HiddenContent hiddenContent, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.store = store;
        this.hiddenContent = hiddenContent;
        this.clock = clock;
    }

    @Scheduled(cron = "${participe.notifications.digest-cron:0 0 7 * * *}", zone = "${participe.town.time-zone:Europe/Paris}")
    void scheduled() {
        send();
    }

    /** Sends the digests due now; returns how many e-mails left (0 when another instance holds the lock). */
    @Transactional
    public int send() {
        if (!OneInstance.claim(jdbc, "daily-digest")) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // Everyone's choices in one query, not one per notification.
        Map<String, NotificationMode> chosen = new HashMap<>();
        jdbc.sql("""
                        select p.account_id, p.kind, p.mode from notification_preference p
                        where p.account_id in (select n.recipient_id from notification n
                                               where n.emailed_at is null and n.read_at is null and n.created_at <= ?)""")
                .param(now)
                .query((rs, row) -> chosen.put(rs.getLong(1) + ":" + rs.getString(2), NotificationMode.valueOf(rs.getString(3))))
                .list();
        Map<Long, List<NotificationItem>> byRecipient = new LinkedHashMap<>();
        Map<Long, List<ContentKey>> concerns = new HashMap<>();
        jdbc.sql("""
                        select n.id, n.kind, n.target_type, n.target_id, n.subject, n.detail, n.created_at, n.recipient_id, n.event_key
                        from notification n where n.emailed_at is null and n.read_at is null and n.created_at <= ?
                        order by n.recipient_id, n.created_at, n.id for update skip locked""")
                .param(now)
                .query((rs, row) -> {
                    NotificationItem item = new NotificationItem(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), false);
                    long recipient = rs.getLong(8);
                    NotificationMode mode = chosen.getOrDefault(recipient + ":" + item.kind().name(), item.kind().defaultMode());
                    if (mode == NotificationMode.DAILY) {
                        byRecipient.computeIfAbsent(recipient, id -> new ArrayList<>()).add(item);
                        concerns.put(item.id(), concerned(item, rs.getString(9)));
                    }
                    return item;
                }).list();
        leaveOutHidden(byRecipient, concerns);
        int sent = 0;
        for (Recipient recipient : store.accounts(List.copyOf(byRecipient.keySet()))) {
            List<NotificationItem> items = byRecipient.get(recipient.accountId());
            mails.sendDigest(recipient, items);
            jdbc.sql("update notification set emailed_at = :now where id in (:ids)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", items.stream().map(NotificationItem::id).toList()).update();
            sent++;
        }
        if (sent > 0) {
            log.info("Daily digest: {} e-mails", sent);
        }
        return sent;
    }

    /**
     * Content hidden since its notification was made stays out of the digest (its notification is
     * kept: if the content is shown again, the next digest tells it). Moderation notices to the
     * author of the hidden content are the exception: they are about the hiding.
     */
    private void leaveOutHidden(Map<Long, List<NotificationItem>> byRecipient, Map<Long, List<ContentKey>> concerns) {
        Set<ContentKey> hidden = hiddenContent.among(concerns.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
        if (hidden.isEmpty()) {
            return;
        }
        byRecipient.values().forEach(items -> items.removeIf(item -> concerns.get(item.id()).stream().anyMatch(hidden::contains)));
        byRecipient.values().removeIf(List::isEmpty);
    }

    /** The moderated content a notification speaks of: its idea, and the comment or reply it announces. */
    private static List<ContentKey> concerned(NotificationItem item, String eventKey) {
        if (item.kind() == NotificationKind.MODERATION) {
            return List.of();
        }
        List<ContentKey> refs = new ArrayList<>();
        item.content().filter(content -> content.kind() == ContentKind.IDEA).ifPresent(refs::add);
        for (String prefix : List.of("comment:", "reply:")) {
            if (eventKey.startsWith(prefix)) {
                try {
                    refs.add(ContentKey.comment(Long.parseLong(eventKey.substring(prefix.length()))));
                } catch (NumberFormatException notAComment) {
                    // a key of another shape names no comment
                }
            }
        }
        return refs;
    }
}
