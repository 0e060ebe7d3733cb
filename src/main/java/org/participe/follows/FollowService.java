package org.participe.follows;

import java.util.List;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.follows.internal.FollowStore;
import org.participe.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows what. Any kind of content can be followed (ideas and initiatives now); the
 * notifications feature reads these to tell followers what changed.
 */
@Service
@Transactional
public class FollowService {

    public static final String PARTICIPANTS = "hasAnyRole('RESIDENT', 'OFFICIAL', 'STAFF', 'ADMIN')";
    private final FollowStore store;
    private final CurrentUser currentUser;

    FollowService(FollowStore store, CurrentUser currentUser) {
        this.store = store;
        this.currentUser = currentUser;
    }

    @PreAuthorize(PARTICIPANTS)
    public void follow(ContentKey target) {
        follow(currentUser.require().accountId(), target);
    }

    /** Follows on someone's behalf when their own action implies it (their idea, their support). */
    @PreAuthorize(PARTICIPANTS)
    public void follow(long accountId, ContentKey target) {
        store.add(accountId, target);
    }

    /**
     * Carries the followers of one piece of content over to another that continues it (a winning
     * budget project become an initiative): they follow both. Staff only; one statement.
     */
    @PreAuthorize("hasRole('STAFF')")
    public int carryOverFollowers(ContentKey from, ContentKey to) {
        return store.copy(from, to);
    }

    @PreAuthorize(PARTICIPANTS)
    public void unfollow(ContentKey target) {
        store.remove(currentUser.require().accountId(), target);
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean isFollowing(ContentKey target) {
        return currentUser.get().map(user -> store.exists(user.accountId(), target)).orElse(false);
    }

    /**
     * Follows what someone has just supported, unless they switched that off: the rule and the
     * setting are the follows module's. One statement, in the caller's transaction.
     */
    @PreAuthorize(PARTICIPANTS)
    public void followBecauseSupported(long accountId, ContentKey target) {
        store.addUnlessSwitchedOff(accountId, target);
    }

    /** Whether supporting an idea also follows it, for the signed-in person (on by default). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean followsWhatTheySupport() {
        return store.followsWhatTheySupport(currentUser.require().accountId());
    }

    @PreAuthorize("isAuthenticated()")
    public void setFollowsWhatTheySupport(boolean follow) {
        store.setFollowsWhatTheySupport(currentUser.require().accountId(), follow);
    }

    /** The ids of what the signed-in person follows, of one kind, most recently followed first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Long> followedIds(ContentKind kind, int limit, long offset) {
        return store.followedIds(currentUser.require().accountId(), kind, limit, offset);
    }
}
