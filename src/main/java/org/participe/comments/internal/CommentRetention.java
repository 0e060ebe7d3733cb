package org.participe.comments.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.participe.base.privacy.DataRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A comment keeps its author when their account goes: such an account is kept. */
@Component
class CommentRetention implements DataRetention {

    private final JdbcClient jdbc;

    CommentRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> accountsStillReferenced(Collection<Long> accountIds) {
        return new HashSet<>(jdbc.sql("""
                select author_id from comment where author_id = any(:ids)""")
                .param("ids", accountIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
