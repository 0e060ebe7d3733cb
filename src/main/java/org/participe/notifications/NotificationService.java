package org.participe.notifications;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.participe.base.NotificationBell;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.notifications.internal.BellBroadcaster;
import org.participe.notifications.internal.InboxStore;
import org.participe.notifications.internal.UnsubscribeTokens;
import org.participe.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's notifications, their e-mail settings, and the one-click unsubscribe. */
@Service
@Transactional
public class NotificationService implements NotificationBell {

    private static final String SIGNED_IN = "isAuthenticated()";

    private final InboxStore inbox;
    private final CurrentUser currentUser;
    private final BellBroadcaster bell;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    NotificationService(InboxStore inbox, CurrentUser currentUser, BellBroadcaster bell, UnsubscribeTokens tokens, Clock clock) {
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.bell = bell;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser.get().map(user -> inbox.unreadCount(user.accountId())).orElse(0L);
    }

    @Override
    @PreAuthorize("permitAll()")
    public Registration subscribe(UI ui, Runnable onChange) {
        return currentUser.get().map(user -> bell.register(user.accountId(), ui, onChange)).orElse(() -> { });
    }

    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public List<NotificationItem> page(int offset, int limit) {
        return inbox.page(currentUser.require().accountId(), offset, limit);
    }

    /** Unread notifications per piece of content: what changed since the last visit. */
    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public Map<ContentKey, Long> unreadByTarget() {
        Map<ContentKey, Long> counts = new HashMap<>();
        inbox.unreadByTarget(currentUser.require().accountId()).forEach(group ->
                ContentKind.find(group.targetType()).ifPresent(kind -> counts.put(new ContentKey(kind, group.targetId()), group.unread())));
        return counts;
    }

    @PreAuthorize(SIGNED_IN)
    public void markRead(long id) {
        inbox.markRead(id, currentUser.require().accountId(), clock.instant());
        ringMe();
    }

    @Override
    @PreAuthorize("permitAll()")
    public void pageVisited(String path) {
        ContentKey.ofPath(path).ifPresent(this::markReadFor);
    }

    /** Opening an item's page reads its notifications. */
    @PreAuthorize("permitAll()")
    public void markReadFor(ContentKey content) {
        currentUser.get().ifPresent(user -> {
            int read = inbox.markReadFor(user.accountId(), content, clock.instant());
            if (read > 0) {
                ringMe();
            }
        });
    }

    @PreAuthorize(SIGNED_IN)
    public void markAllRead() {
        inbox.markAllRead(currentUser.require().accountId(), clock.instant());
        ringMe();
    }

    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public Map<NotificationKind, NotificationMode> preferences() {
        Map<NotificationKind, NotificationMode> modes = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            modes.put(kind, kind.defaultMode());
        }
        inbox.preferences(currentUser.require().accountId()).forEach(preference -> modes.put(preference.kind(), preference.mode()));
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
        inbox.setPreference(accountId, kind, mode);
    }

    private void ringMe() {
        currentUser.get().ifPresent(user -> bell.ring(List.of(user.accountId())));
    }
}
