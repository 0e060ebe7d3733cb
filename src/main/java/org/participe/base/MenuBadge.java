package org.participe.base;

/**
 * A count the navigation shows next to a menu entry (e.g. what awaits officials in the moderation
 * inbox). Features provide one; the layout asks only for the entries the person may open.
 */
public interface MenuBadge {

    /** The route of the menu entry, as in {@code @Route}. */
    String path();

    /** The count to show; 0 hides the badge. */
    long count();
}
