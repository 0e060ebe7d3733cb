package org.participe.reporting.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.participe.base.TownZone;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pieces the reporting stores' statements share: the period's bounds and the filter on ideas,
 * on the rollups and on accounts, always with the same named parameters ({@link #params}).
 */
final class ReportSql {

    static final String PUBLIC_IDEA = "i.status <> 'PENDING' and not i.hidden";
    private static final String IN_PERIOD = " >= :from and %s < :to";
    static final String ROLLUP_DAYS = "a.day between :firstDay and :lastDay";

    private ReportSql() {
    }

    /**
     * The participants of the period: the accounts that published an idea, supported one or
     * commented on one (one column, {@code who}), read from their days of participation, which
     * PostgreSQL keeps as one date multirange per person (see V6__participant_days.sql).
     */
    static String participantsSql(ReportFilter filter) {
        String inPeriod = "p.days && daterange(:firstDay, :lastDay, '[]')";
        return filtered(filter)
                ? "select distinct p.account_id as who from participant_days_detail p where " + inPeriod + " and " + rollupFilter(filter, "p")
                : "select p.account_id as who from participant_days p where " + inPeriod;
    }

    static boolean filtered(ReportFilter filter) {
        return filter.neighbourhoodId() != null || filter.categoryId() != null;
    }

    /** The filter on ideas (alias {@code i}): 0 as neighbourhood means ideas about the whole town. */
    static String ideaFilter(ReportFilter filter) {
        List<String> parts = new ArrayList<>(List.of("true"));
        if (filter.neighbourhoodId() != null) {
            parts.add(filter.neighbourhoodId() == 0 ? "i.neighbourhood_id is null" : "i.neighbourhood_id = :nb");
        }
        if (filter.categoryId() != null) {
            parts.add("i.category_id = :cat");
        }
        return String.join(" and ", parts);
    }

    /** The same filter on a rollup keyed by category and neighbourhood (0: ideas about the whole town). */
    static String rollupFilter(ReportFilter filter, String alias) {
        List<String> parts = new ArrayList<>(List.of("true"));
        if (filter.neighbourhoodId() != null) {
            parts.add(alias + ".neighbourhood_key = :nb");
        }
        if (filter.categoryId() != null) {
            parts.add(alias + ".category_id = :cat");
        }
        return String.join(" and ", parts);
    }

    /** New accounts are narrowed by their declared neighbourhood only (they have no category). */
    static String accountFilter(ReportFilter filter) {
        if (filter.neighbourhoodId() == null) {
            return "true";
        }
        return filter.neighbourhoodId() == 0 ? "a.neighbourhood_id is null" : "a.neighbourhood_id = :nb";
    }

    static String range(String column) {
        return IN_PERIOD.formatted(column);
    }

    static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, ReportPeriod period, ReportFilter filter) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", Timestamp.from(period.start()));
        values.put("to", Timestamp.from(period.end()));
        values.put("firstDay", period.first());
        values.put("lastDay", period.last());
        values.put("zone", TownZone.zone().getId());
        values.put("nb", filter.neighbourhoodId());
        values.put("cat", filter.categoryId());
        return spec.params(values);
    }
}
