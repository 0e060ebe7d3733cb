package org.participe.notifications.internal;

import org.participe.base.database.AfterCommit;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.springframework.stereotype.Component;

/** Tells the open pages of a person that their notifications changed (within this app instance). */
@Component
public class BellBroadcaster {

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    public Registration register(long accountId, UI ui, Runnable onChange) {
        Runnable pushed = () -> ui.access(onChange::run);
        listeners.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>()).add(pushed);
        return () -> listeners.computeIfPresent(accountId, (id, set) -> {
            set.remove(pushed);
            return set.isEmpty() ? null : set;
        });
    }

    /** Rings once the current transaction commits (at once outside a transaction). */
    public void ring(Collection<Long> accountIds) {
        Runnable ring = () -> accountIds.forEach(id -> {
            Set<Runnable> pages = listeners.get(id);
            if (pages != null) {
                pages.forEach(Runnable::run);
            }
        });
        AfterCommit.run(ring);
    }
}
