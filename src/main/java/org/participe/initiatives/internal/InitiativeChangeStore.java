package org.participe.initiatives.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who changed an initiative, how and when ({@code initiative_change}): one row for each save, never rewritten. */
@Component
public class InitiativeChangeStore {

    private final JdbcClient jdbc;

    InitiativeChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code action} is what was done: CREATED, UPDATED, PUBLISHED, UPDATE_POSTED… */
    public void add(long initiativeId, long actor, String action, Instant at) {
        jdbc.sql("insert into initiative_change (initiative_id, actor_id, action, occurred_at) values (?, ?, ?, ?)")
                .params(initiativeId, actor, action, Timestamp.from(at)).update();
    }
}
