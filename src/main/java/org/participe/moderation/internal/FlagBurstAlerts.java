package org.participe.moderation.internal;

import java.time.Instant;
import java.util.Optional;

import org.participe.base.content.ContentKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code flag_burst_alert} table: when officials were alerted of a burst, across all content ({@code ref} null) or on one item. */
@Component
public class FlagBurstAlerts {

    private final JdbcClient jdbc;

    FlagBurstAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scope's latest alert after {@code since}, if any. */
    public Optional<Instant> latestAfter(ContentKey ref, Instant since) {
        return jdbc.sql("""
                        select alerted_at from flag_burst_alert
                        where content_type is not distinct from ? and content_id is not distinct from ? and alerted_at > ?
                        order by alerted_at desc limit 1""")
                .params(ref == null ? null : ref.kind().name(), ref == null ? null : ref.id(), Rows.timestamp(since))
                .query((rs, n) -> Rows.instant(rs, "alerted_at")).optional();
    }

    /** Serialises alerting until the transaction ends, so that a check and its alert row commit together. */
    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('flag-burst'))").query((rs, n) -> 1).list();
    }

    public void add(ContentKey ref, int flags, Instant at) {
        jdbc.sql("insert into flag_burst_alert (content_type, content_id, flag_count, alerted_at) values (?, ?, ?, ?)")
                .params(ref == null ? null : ref.kind().name(), ref == null ? null : ref.id(), flags, Rows.timestamp(at)).update();
    }
}
