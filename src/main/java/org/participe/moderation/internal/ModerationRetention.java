package org.participe.moderation.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.participe.base.privacy.DataRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The moderation inbox keeps the author of each item, and the audit who acted and on whom: such accounts are kept. */
@Component
class ModerationRetention implements DataRetention {

    private final JdbcClient jdbc;

    ModerationRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> accountsStillReferenced(Collection<Long> accountIds) {
        return new HashSet<>(jdbc.sql("""
                select author_id from moderation_item where author_id = any(:ids)
                union select actor_id from moderation_audit where actor_id = any(:ids)
                union select target_account_id from moderation_audit where target_account_id = any(:ids)""")
                .param("ids", accountIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
