package org.participe.follows;

import java.util.List;

import org.participe.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows what. Any kind of content can be followed (ideas now, initiatives later); the
 * notifications feature will read these to tell followers what changed.
 */
@Service
@Transactional
public class FollowService {

    public static final String PARTICIPANTS = "hasAnyRole('RESIDENT', 'OFFICIAL', 'STAFF', 'ADMIN')";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    FollowService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @PreAuthorize(PARTICIPANTS)
    public void follow(FollowTarget target) {
        follow(currentUser.require().accountId(), target);
    }

    /** Follows on someone's behalf when their own action implies it (their idea, their support). */
    @PreAuthorize(PARTICIPANTS)
    public void follow(long accountId, FollowTarget target) {
        jdbc.sql("insert into follow (account_id, target_type, target_id) values (?, ?, ?) on conflict do nothing")
                .params(accountId, target.type(), target.id()).update();
    }

    @PreAuthorize(PARTICIPANTS)
    public void unfollow(FollowTarget target) {
        jdbc.sql("delete from follow where account_id = ? and target_type = ? and target_id = ?")
                .params(currentUser.require().accountId(), target.type(), target.id()).update();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean isFollowing(FollowTarget target) {
        return currentUser.get().map(user -> jdbc.sql("select exists (select 1 from follow where account_id = ? and target_type = ? and target_id = ?)")
                .params(user.accountId(), target.type(), target.id()).query(Boolean.class).single()).orElse(false);
    }

    /** Whether supporting an idea also follows it, for the signed-in person (on by default). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean followsWhatTheySupport() {
        return jdbc.sql("select follow_on_support from account where id = ?").param(currentUser.require().accountId())
                .query(Boolean.class).single();
    }

    @PreAuthorize("isAuthenticated()")
    public void setFollowsWhatTheySupport(boolean follow) {
        jdbc.sql("update account set follow_on_support = ? where id = ?").params(follow, currentUser.require().accountId()).update();
    }

    /** The ids of what the signed-in person follows, of one kind, most recently followed first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Long> followedIds(String type, int limit, long offset) {
        return jdbc.sql("select target_id from follow where account_id = ? and target_type = ? order by created_at desc, target_id desc limit ? offset ?")
                .params(currentUser.require().accountId(), type, limit, offset).query(Long.class).list();
    }
}
