package org.participe.base.database;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets one application instance at a time run a scheduled job (the daily digest, the retention
 * clean-up) when several share the database: a PostgreSQL advisory lock held until the current
 * transaction ends, so a crashed run never leaves it behind.
 */
public final class OneInstance {

    private OneInstance() {
    }

    /** In a transaction: true if this instance may run {@code job} now, false if another one is running it. */
    public static boolean claim(JdbcClient jdbc, String job) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))").param("participe-" + job)
                .query(Boolean.class).single());
    }
}
