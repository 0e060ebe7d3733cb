package org.participe.ideas.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.participe.base.privacy.DataRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An idea keeps its author, and a timeline entry its actor, when their account goes: such an account is kept. */
@Component
class IdeaRetention implements DataRetention {

    private final JdbcClient jdbc;

    IdeaRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> accountsStillReferenced(Collection<Long> accountIds) {
        return new HashSet<>(jdbc.sql("""
                select author_id from idea where author_id = any(:ids)
                union select actor_id from idea_event where actor_id = any(:ids)""")
                .param("ids", accountIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
