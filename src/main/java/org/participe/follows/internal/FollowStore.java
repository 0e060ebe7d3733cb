package org.participe.follows.internal;

import java.util.List;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code follow} rows of one person and their {@code follow_settings}; the followers of a
 * piece of content are read by {@link FollowerStore}.
 */
@Component
public class FollowStore {

    /** The person's setting (named parameter {@code account}); without a row, the default: on. */
    private static final String FOLLOWS_WHAT_THEY_SUPPORT =
            "coalesce((select s.follow_on_support from follow_settings s where s.account_id = :account), true)";

    private final JdbcClient jdbc;

    FollowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long accountId, ContentKey target) {
        jdbc.sql("insert into follow (account_id, target_type, target_id) values (?, ?, ?) on conflict do nothing")
                .params(accountId, target.kind().name(), target.id()).update();
    }

    public void remove(long accountId, ContentKey target) {
        jdbc.sql("delete from follow where account_id = ? and target_type = ? and target_id = ?")
                .params(accountId, target.kind().name(), target.id()).update();
    }

    /** Every follower of {@code from} follows {@code to} too (one statement); how many began to. */
    public int copy(ContentKey from, ContentKey to) {
        return jdbc.sql("""
                        insert into follow (account_id, target_type, target_id)
                        select account_id, :toType, :toId from follow where target_type = :fromType and target_id = :fromId
                        on conflict do nothing""")
                .param("toType", to.kind().name()).param("toId", to.id()).param("fromType", from.kind().name()).param("fromId", from.id())
                .update();
    }

    public boolean exists(long accountId, ContentKey target) {
        return jdbc.sql("select exists (select 1 from follow where account_id = ? and target_type = ? and target_id = ?)")
                .params(accountId, target.kind().name(), target.id()).query(Boolean.class).single();
    }

    /** Follows unless the person switched following what they support off: one statement. */
    public void addUnlessSwitchedOff(long accountId, ContentKey target) {
        jdbc.sql("insert into follow (account_id, target_type, target_id) select :account, :type, :id where " + FOLLOWS_WHAT_THEY_SUPPORT
                        + " on conflict do nothing")
                .param("account", accountId).param("type", target.kind().name()).param("id", target.id()).update();
    }

    public boolean followsWhatTheySupport(long accountId) {
        return jdbc.sql("select " + FOLLOWS_WHAT_THEY_SUPPORT).param("account", accountId)
                .query(Boolean.class).single();
    }

    public void setFollowsWhatTheySupport(long accountId, boolean follow) {
        jdbc.sql("""
                        insert into follow_settings (account_id, follow_on_support) values (?, ?)
                        on conflict (account_id) do update set follow_on_support = excluded.follow_on_support""")
                .params(accountId, follow).update();
    }

    /** The ids of what the person follows, of one kind, most recently followed first. */
    public List<Long> followedIds(long accountId, ContentKind kind, int limit, long offset) {
        return jdbc.sql("select target_id from follow where account_id = ? and target_type = ? order by created_at desc, target_id desc limit ? offset ?")
                .params(accountId, kind.name(), limit, offset).query(Long.class).list();
    }
}
