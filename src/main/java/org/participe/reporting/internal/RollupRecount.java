package org.participe.reporting.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rebuilds both rollups from the published views, with the functions of V28 (first written in V5, V6 and V15). */
@Component
public class RollupRecount {

    private final JdbcClient jdbc;

    RollupRecount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void run() {
        // One fold or rebuild at a time (V28). The journals are left as they are: the rows still in
        // them are folded after this transaction, and counting again what is already counted changes nothing.
        jdbc.sql("select pg_advisory_xact_lock(reporting_fold_key())").query().singleValue();
        jdbc.sql("do $$ begin perform rebuild_activity_daily(); perform rebuild_participant_days(); end $$").update();
    }
}
