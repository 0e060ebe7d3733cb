package org.participe.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.participe.base.content.ContentKey;
import org.participe.notifications.NotificationItem;
import org.participe.notifications.NotificationKind;
import org.participe.notifications.NotificationMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One person's side of the {@code notification} table (the bell, the list, marking read) and
 * their {@code notification_preference} rows; writing notifications is {@link NotificationStore}'s.
 */
@Component
public class InboxStore {

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One group of unread notifications: about one piece of content, as stored. */
    public record UnreadGroup(String targetType, long targetId, long unread) {
    }

    /** One stored preference. */
    public record Preference(NotificationKind kind, NotificationMode mode) {
    }

    public long unreadCount(long recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(recipientId).query(Long.class).single();
    }

    public List<NotificationItem> page(long recipientId, int offset, int limit) {
        return jdbc.sql("""
                        select id, kind, target_type, target_id, subject, detail, created_at, read_at is not null from notification
                        where recipient_id = ? order by created_at desc, id desc limit ? offset ?""")
                .params(recipientId, limit, offset)
                .query((rs, n) -> new NotificationItem(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8)))
                .list();
    }

    /** Unread notifications counted per piece of content. */
    public List<UnreadGroup> unreadByTarget(long recipientId) {
        return jdbc.sql("select target_type, target_id, count(*) from notification where recipient_id = ? and read_at is null group by target_type, target_id")
                .param(recipientId)
                .query((rs, n) -> new UnreadGroup(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public void markRead(long id, long recipientId, Instant at) {
        jdbc.sql("update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null")
                .params(Timestamp.from(at), id, recipientId).update();
    }

    /** How many unread notifications about the content were marked read. */
    public int markReadFor(long recipientId, ContentKey content, Instant at) {
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and target_type = ? and target_id = ? and read_at is null")
                .params(Timestamp.from(at), recipientId, content.kind().name(), content.id()).update();
    }

    public void markAllRead(long recipientId, Instant at) {
        jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(at), recipientId).update();
    }

    /** The preferences the person stored; kinds without a row keep their default. */
    public List<Preference> preferences(long accountId) {
        return jdbc.sql("select kind, mode from notification_preference where account_id = ?").param(accountId)
                .query((rs, n) -> new Preference(NotificationKind.valueOf(rs.getString(1)), NotificationMode.valueOf(rs.getString(2)))).list();
    }

    public void setPreference(long accountId, NotificationKind kind, NotificationMode mode) {
        jdbc.sql("""
                        insert into notification_preference (account_id, kind, mode) values (?, ?, ?)
                        on conflict (account_id, kind) do update set mode = excluded.mode""")
                .params(accountId, kind.name(), mode.name()).update();
    }
}
