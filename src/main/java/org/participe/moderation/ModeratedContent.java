package org.participe.moderation;


import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.participe.base.content.ContentKind;

/**
 * A kind of content officials moderate. Each feature that publishes residents' content provides
 * one (ideas and comments now; council opinions and budget projects later), and the moderation
 * inbox, flags, hiding and blocking work for it without change. Called by the moderation feature
 * only, inside its transactions, after it checked who acts.
 */
public interface ModeratedContent {

    ContentKind kind();

    /** Summaries of the given items (those that exist), in one statement whatever their number. */
    Map<Long, ContentSummary> summaries(Collection<Long> ids);

    /** Hides the items from the public with a reason, or shows them again when {@code reason} is null. */
    void setHidden(Collection<Long> ids, ModerationReason reason);

    /** Hides every visible item of an author (who is being blocked); returns them. */
    List<Item> hideAllBy(long authorId);

    /**
     * Locks the item's own row before moderation locks its queue row: the content features lock in
     * the same order (content, then queue), so two officials never deadlock.
     */
    default void lock(long id) {
    }

    /** Publishes an item that waited for pre-moderation. Kinds without pre-moderation refuse. */
    default void approve(long id) {
        throw new UnsupportedOperationException(kind() + " has no pre-moderation");
    }

    /** How many items of this kind the account has published (hidden or not): its participation, for trusting its flags. */
    default long countBy(long accountId) {
        return 0;
    }

    /** The item's supports, for kinds that have them: flags alone never hide well-supported content. */
    default int supportCount(long id) {
        return 0;
    }

    record Item(long id, Instant createdAt) {
    }
}
