package org.participe.initiatives.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.participe.base.privacy.DataRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An initiative keeps who wrote and changed it, an update its author, a change its actor: such accounts are kept. */
@Component
class InitiativeRetention implements DataRetention {

    private final JdbcClient jdbc;

    InitiativeRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> accountsStillReferenced(Collection<Long> accountIds) {
        return new HashSet<>(jdbc.sql("""
                select created_by from initiative where created_by = any(:ids)
                union select updated_by from initiative where updated_by = any(:ids)
                union select author_id from initiative_update where author_id = any(:ids)
                union select actor_id from initiative_change where actor_id = any(:ids)""")
                .param("ids", accountIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
