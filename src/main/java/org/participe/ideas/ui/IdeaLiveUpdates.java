package org.participe.ideas.ui;

import org.participe.base.database.AfterCommit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.participe.ideas.IdeaEvents;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Tells every open page of an idea, through Vaadin Push, that it changed (a support, a comment, a
 * status), once the change is committed. Within one app instance; several instances will need a
 * shared channel (PostgreSQL LISTEN/NOTIFY), see the roadmap.
 */
@Component
class IdeaLiveUpdates {

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

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
     * A plain listener that defers itself to the commit: a transactional event listener would be
     * recorded in the event publication registry, which costs a second connection per change and
     * buys nothing for a screen refresh.
     */
    @EventListener
    void on(IdeaEvents.IdeaChanged changed) {
        AfterCommit.run(() -> notifyPages(changed.ideaId()));
    }

    private void notifyPages(long ideaId) {
        Set<Runnable> pages = listeners.get(ideaId);
        if (pages != null) {
            pages.forEach(Runnable::run);
        }
    }
}
