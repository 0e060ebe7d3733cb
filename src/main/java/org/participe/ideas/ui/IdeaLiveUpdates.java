package org.participe.ideas.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.participe.base.database.InstanceBus;
import org.participe.ideas.IdeaEvents;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Tells every open page of an idea, through Vaadin Push, that it changed (a support, a comment, a
 * status), once the change is committed, on every app instance sharing the database: the idea's
 * id goes through the {@link InstanceBus}. After the bus lost messages (its connection was down),
 * every open page refreshes once.
 */
@Component
class IdeaLiveUpdates {

    static final String CHANNEL = "idea_changed";

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final InstanceBus bus;

    IdeaLiveUpdates(InstanceBus bus) {
        this.bus = bus;
        bus.subscribe(CHANNEL, ideaIds -> {
            for (String ideaId : ideaIds.split(",")) {
                notifyPages(Long.parseLong(ideaId));
            }
        });
        bus.onPossiblyMissed(() -> listeners.values().forEach(pages -> pages.forEach(Runnable::run)));
    }

    /** Registers a page; its refresh runs inside {@code ui.access} when the idea changes. */
    Registration register(long ideaId, UI ui, Runnable refresh) {
        Runnable pushed = () -> ui.access(refresh::run);
        listeners.computeIfAbsent(ideaId, id -> new CopyOnWriteArraySet<>()).add(pushed);
        return () -> listeners.computeIfPresent(ideaId, (id, set) -> {
            set.remove(pushed);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * A plain listener, in the change's transaction: this instance's pages hear of it when it
     * commits, the other instances' a moment later, gathered with other changes
     * ({@link InstanceBus#publishKeysSoon}: a support runs no statement more and does not wait for
     * PostgreSQL's notification lock at its commit). A transactional event listener would be
     * recorded in the event publication registry, which costs a second connection per change and
     * buys nothing for a screen refresh.
     */
    @EventListener
    void on(IdeaEvents.IdeaChanged changed) {
        bus.publishKeysSoon(CHANNEL, List.of(Long.toString(changed.ideaId())));
    }

    private void notifyPages(long ideaId) {
        Set<Runnable> pages = listeners.get(ideaId);
        if (pages != null) {
            pages.forEach(Runnable::run);
        }
    }
}
