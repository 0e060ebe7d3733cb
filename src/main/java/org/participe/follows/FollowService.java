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
    /** The person's setting (named parameter {@code account}); without a row, the default: on. */
    private static final String FOLLOWS_WHAT_THEY_SUPPORT =
            "coalesce((select s.follow_on_support from follow_settings s where s.account_id = :account), true)";

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

    /**
     * Follows what someone has just supported, unless they switched that off: the rule and the
     * setting are the follows module's. One statement, in the caller's transaction.
     */
    @PreAuthorize(PARTICIPANTS)
    public void followBecauseSupported(long accountId, FollowTarget target) {
        jdbc.sql("insert into follow (account_id, target_type, target_id) select :account, :type, :id where " + FOLLOWS_WHAT_THEY_SUPPORT
                        + " on conflict do nothing")
                .param("account", accountId).param("type", target.type()).param("id", target.id()).update();
    }

    /** Whether supporting an idea also follows it, for the signed-in person (on by default). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean followsWhatTheySupport() {
        return jdbc.sql("select " + FOLLOWS_WHAT_THEY_SUPPORT).param("account", currentUser.require().accountId())
                .query(Boolean.class).single();
    }

    @PreAuthorize("isAuthenticated()")
    public void setFollowsWhatTheySupport(boolean follow) {
        jdbc.sql("""
                        insert into follow_settings (account_id, follow_on_support) values (?, ?)
                        on conflict (account_id) do update set follow_on_support = excluded.follow_on_support""")
                .params(currentUser.require().accountId(), follow).update();
    }

    /** The ids of what the signed-in person follows, of one kind, most recently followed first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Long> followedIds(String type, int limit, long offset) {
        return jdbc.sql("select target_id from follow where account_id = ? and target_type = ? order by created_at desc, target_id desc limit ? offset ?")
                .params(currentUser.require().accountId(), type, limit, offset).query(Long.class).list();
    }
}
