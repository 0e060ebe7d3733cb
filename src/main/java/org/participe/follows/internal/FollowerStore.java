package org.participe.follows.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the followers of a piece of content. */
@Component
public class FollowerStore {

    private final JdbcClient jdbc;

    FollowerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> followerIds(String targetType, long targetId, Collection<Long> except) {
        return jdbc.sql("select account_id from follow where target_type = :type and target_id = :id and not (account_id = any(:except)) order by account_id")
                .param("type", targetType).param("id", targetId).param("except", except.toArray(Long[]::new))
                .query(Long.class).list();
    }
}
