package org.participe.reporting.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The time zone the rollups count their days in (V15__reporting_town_time_zone.sql). */
@Component
public class TownZoneStore {

    private final JdbcClient jdbc;

    TownZoneStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether PostgreSQL knows this zone name. */
    public boolean known(String zone) {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from pg_timezone_names where name = ?)")
                .param(zone).query(Boolean.class).single());
    }

    /**
     * Sets the rollups' zone and, when it was another, counts both rollups again in the new one;
     * returns the zone they were in then, empty when nothing had to be counted again. Run it in a transaction.
     */
    public Optional<String> use(String zone) {
        return jdbc.sql("select reporting_use_town_zone(?)").param(zone)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).single();
    }
}
