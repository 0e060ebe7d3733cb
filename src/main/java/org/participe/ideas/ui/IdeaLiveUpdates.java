package org.participe.ideas.ui;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.participe.ideas.IdeaEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(IdeaEvents.IdeaChanged changed) {
        Set<Runnable> pages = listeners.get(changed.ideaId());
        if (pages != null) {
            pages.forEach(Runnable::run);
        }
    }
}
