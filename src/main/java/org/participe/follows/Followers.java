package org.participe.follows;

import java.util.Collection;
import java.util.List;

import org.participe.base.content.ContentKey;
import org.participe.follows.internal.FollowerStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows a piece of content, for work that runs without a signed-in person (telling
 * followers what changed). One statement whatever the number of followers.
 */
@Component
@Transactional(readOnly = true)
public class Followers {

    private final FollowerStore store;

    Followers(FollowerStore store) {
        this.store = store;
    }

    /** The ids of the accounts that follow the content, but some (the actor, someone told otherwise), ordered by id. */
    public List<Long> of(ContentKey target, Collection<Long> except) {
        return store.followerIds(target.kind().name(), target.id(), except);
    }
}
