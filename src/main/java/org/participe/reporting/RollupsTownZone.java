package org.participe.reporting;

import java.time.ZoneId;
import java.util.Optional;

import org.participe.base.StartRefusedException;
import org.participe.base.TownZone;
import org.participe.reporting.internal.TownZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the days of the reporting rollups ({@code activity_daily}, {@code participant_days}) in the
 * town's time zone. The rebuilds and the folds ({@link ActivityFold}) count each day in the zone of the one-row table
 * {@code reporting_town_zone} (V15__reporting_town_time_zone.sql); at start, before the application
 * takes requests, that row is set to {@link TownZone#zone()} and, when it held another zone, both
 * rollups are counted again in the new one, in the same transaction, and the log says so.
 */
@Component
class RollupsTownZone implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RollupsTownZone.class);

    private final TownZoneStore store;
    private final TransactionTemplate transactions;

    RollupsTownZone(TownZoneStore store, TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        follow(TownZone.zone());
    }

    /** Puts the rollups in {@code zone}; returns the zone they were in when they had to be counted again. */
    Optional<ZoneId> follow(ZoneId zone) {
        // Java and PostgreSQL read zone names differently outside the region names: PostgreSQL takes
        // "UTC+02:00" as two hours west of Greenwich. Only a name both know is used.
        if (!store.known(zone.getId())) {
            throw new StartRefusedException("PostgreSQL does not know the town's time zone '" + zone.getId() + "' (" + TownZone.PROPERTY
                    + "): the daily figures could not be counted in it.",
                    "Set PARTICIPE_TIME_ZONE to a region name such as Europe/Paris, America/Montreal or Indian/Reunion.");
        }
        long started = System.nanoTime();
        Optional<String> previous = transactions.execute(status -> store.use(zone.getId()));
        if (previous.isEmpty()) {
            log.info("Reporting: days are counted in the town's time zone, {}", zone.getId());
            return Optional.empty();
        }
        log.warn("Reporting: the town's time zone changed from {} to {}; the daily activity and the participants' days were counted again in {} ({} ms)",
                previous.get(), zone.getId(), zone.getId(), (System.nanoTime() - started) / 1_000_000);
        return previous.map(ZoneId::of);
    }
}
