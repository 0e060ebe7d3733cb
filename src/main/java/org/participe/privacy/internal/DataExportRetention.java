package org.participe.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.participe.base.privacy.DataRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Links to a copy of one's data go once expired. */
@Component
class DataExportRetention implements DataRetention {

    private final JdbcClient jdbc;

    DataExportRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int removeExpired(Instant now) {
        return jdbc.sql("delete from data_export where expires_at < ?").param(Timestamp.from(now)).update();
    }
}
