package org.participe.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.participe.base.NotificationBell;
import org.participe.notifications.internal.BellBroadcaster;
import org.participe.notifications.internal.UnsubscribeTokens;
import org.participe.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's notifications, their e-mail settings, and the one-click unsubscribe. */
@Service
@Transactional
public class NotificationService implements NotificationBell {

    private static final String SIGNED_IN = "isAuthenticated()";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final BellBroadcaster bell;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    NotificationService(JdbcClient jdbc, CurrentUser currentUser, BellBroadcaster bell, UnsubscribeTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.bell = bell;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser.get().map(user -> jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(user.accountId()).query(Long.class).single()).orElse(0L);
    }

    @Override
    @PreAuthorize("permitAll()")
    public Registration subscribe(UI ui, Runnable onChange) {
        return currentUser.get().map(user -> bell.register(user.accountId(), ui, onChange)).orElse(() -> { });
    }

    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public List<NotificationItem> page(int offset, int limit) {
        return jdbc.sql("""
                        select id, kind, target_type, target_id, subject, detail, created_at, read_at is not null from notification
                        where recipient_id = ? order by created_at desc, id desc limit ? offset ?""")
                .params(currentUser.require().accountId(), limit, offset)
                .query((rs, n) -> new NotificationItem(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8)))
                .list();
    }

    /** Unread notifications per followed item, keyed "TYPE:id": what changed since the last visit. */
    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public Map<String, Long> unreadByTarget() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select target_type, target_id, count(*) from notification where recipient_id = ? and read_at is null group by target_type, target_id")
                .param(currentUser.require().accountId())
                .query((rs, n) -> counts.put(rs.getString(1) + ":" + rs.getLong(2), rs.getLong(3))).list();
        return counts;
    }

    @PreAuthorize(SIGNED_IN)
    public void markRead(long id) {
        jdbc.sql("update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), id, currentUser.require().accountId()).update();
        ringMe();
    }

    @Override
    @PreAuthorize("permitAll()")
    public void pageVisited(String path) {
        var matcher = java.util.regex.Pattern.compile("^(ideas|initiatives)/(\\d+)$").matcher(path == null ? "" : path);
        if (matcher.matches()) {
            markReadFor(matcher.group(1).equals("ideas") ? "IDEA" : "INITIATIVE", Long.parseLong(matcher.group(2)));
        }
    }

    /** Opening an item's page reads its notifications. */
    @PreAuthorize("permitAll()")
    public void markReadFor(String targetType, long targetId) {
        currentUser.get().ifPresent(user -> {
            int read = jdbc.sql("update notification set read_at = ? where recipient_id = ? and target_type = ? and target_id = ? and read_at is null")
                    .params(Timestamp.from(clock.instant()), user.accountId(), targetType, targetId).update();
            if (read > 0) {
                ringMe();
            }
        });
    }

    @PreAuthorize(SIGNED_IN)
    public void markAllRead() {
        jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), currentUser.require().accountId()).update();
        ringMe();
    }

    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public Map<NotificationKind, NotificationMode> preferences() {
        Map<NotificationKind, NotificationMode> modes = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            modes.put(kind, kind.defaultMode());
        }
        jdbc.sql("select kind, mode from notification_preference where account_id = ?").param(currentUser.require().accountId())
                .query((rs, n) -> modes.put(NotificationKind.valueOf(rs.getString(1)), NotificationMode.valueOf(rs.getString(2)))).list();
        return modes;
    }

    @PreAuthorize(SIGNED_IN)
    public void setPreference(NotificationKind kind, NotificationMode mode) {
        store(currentUser.require().accountId(), kind, mode);
    }

    /** Follows a one-click link from an e-mail: no login needed, but only a genuine link works. */
    @PreAuthorize("permitAll()")
    public boolean unsubscribe(String token) {
        return tokens.verify(token).map(subject -> {
            if (subject.kind() == null) {
                for (NotificationKind kind : NotificationKind.values()) {
                    store(subject.accountId(), kind, NotificationMode.NEVER);
                }
            } else {
                store(subject.accountId(), subject.kind(), NotificationMode.NEVER);
            }
            return true;
        }).orElse(false);
    }

    private void store(long accountId, NotificationKind kind, NotificationMode mode) {
        jdbc.sql("""
                        insert into notification_preference (account_id, kind, mode) values (?, ?, ?)
                        on conflict (account_id, kind) do update set mode = excluded.mode""")
                .params(accountId, kind.name(), mode.name()).update();
    }

    private void ringMe() {
        currentUser.get().ifPresent(user -> bell.ring(List.of(user.accountId())));
    }
}
