package org.participe.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** What the layout's bell needs: the signed-in person's unread count, and word when it changes. */
public interface NotificationBell {

    long unreadCount();

    /** Runs {@code onChange} in the UI (through Push) whenever the signed-in person's notifications change. */
    Registration subscribe(UI ui, Runnable onChange);

    /** The person opened a page: the notifications about what it shows are now read. */
    void pageVisited(String path);
}
