package org.participe.notifications.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.participe.base.database.InstanceBus;
import org.springframework.stereotype.Component;

/**
 * Tells the open pages of a person that their notifications changed, on every app instance
 * sharing the database: the account ids go through the {@link InstanceBus}, several messages when
 * they are many (a notification to thousands of followers).
 */
@Component
public class BellBroadcaster {

    static final String CHANNEL = "notifications_bell";

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final InstanceBus bus;

    BellBroadcaster(InstanceBus bus) {
        this.bus = bus;
        bus.subscribe(CHANNEL, this::ringHere);
    }

    public Registration register(long accountId, UI ui, Runnable onChange) {
        Runnable pushed = () -> ui.access(onChange::run);
        listeners.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>()).add(pushed);
        return () -> listeners.computeIfPresent(accountId, (id, set) -> {
            set.remove(pushed);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Rings on this instance once the current transaction commits (at once outside a transaction),
     * on the others a moment later, gathered ({@link InstanceBus#publishKeysSoon}: the fan-out's
     * transaction does not wait for PostgreSQL's notification lock at its commit).
     */
    public void ring(Collection<Long> accountIds) {
        bus.publishKeysSoon(CHANNEL, accountIds.stream().map(String::valueOf).toList());
    }

    private void ringHere(String ids) {
        for (String id : ids.split(",")) {
            Set<Runnable> pages = listeners.get(Long.parseLong(id));
            if (pages != null) {
                pages.forEach(Runnable::run);
            }
        }
    }
}
