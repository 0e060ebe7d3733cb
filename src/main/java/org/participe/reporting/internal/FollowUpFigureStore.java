package org.participe.reporting.internal;

import static org.participe.reporting.internal.ReportSql.PUBLIC_IDEA;
import static org.participe.reporting.internal.ReportSql.filtered;
import static org.participe.reporting.internal.ReportSql.ideaFilter;
import static org.participe.reporting.internal.ReportSql.params;
import static org.participe.reporting.internal.ReportSql.range;

import java.util.List;

import org.participe.reporting.GroupFigures;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How ideas are followed up: where the period's ideas stand now and how long their answers took,
 * read from {@code idea_report} and {@code moderation_report}. Each method is one SQL statement.
 */
@Component
public class FollowUpFigureStore {

    private final JdbcClient jdbc;

    FollowUpFigureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ideas published in the period, per current status (status as key and label, count as ideas). */
    public List<GroupFigures> statusFunnel(ReportPeriod period, ReportFilter filter) {
        String sql = "select i.status, count(*) from idea_report i where %s and i.published_at %s and %s group by 1"
                .formatted(PUBLIC_IDEA, range("i.published_at"), ideaFilter(filter));
        return params(jdbc.sql(sql), period, filter)
                .query((rs, n) -> new GroupFigures(rs.getString(1), rs.getString(1), rs.getLong(2), 0, 0)).list();
    }

    /**
     * The answers given in the period, counted in five bands of days since publication:
     * 0-7, 8-14, 15-30, 31-60, 61 and more, in this order.
     */
    public long[] answerTimes(ReportPeriod period, ReportFilter filter) {
        String sql = """
                with answered as (
                    select date_part('epoch', m.answered_at - coalesce(m.published_at, m.content_created_at)) / 86400 as days
                    from moderation_report m %1$s
                    where m.content_type = 'IDEA' and m.answered_at %2$s and %3$s)
                select count(*) filter (where days < 8), count(*) filter (where days >= 8 and days < 15),
                       count(*) filter (where days >= 15 and days < 31), count(*) filter (where days >= 31 and days < 61),
                       count(*) filter (where days >= 61)
                from answered"""
                .formatted(filtered(filter) ? "join idea_report i on i.id = m.content_id" : "", range("m.answered_at"), ideaFilter(filter));
        return params(jdbc.sql(sql), period, filter).query((rs, n) -> {
            long[] bands = new long[5];
            for (int band = 0; band < bands.length; band++) {
                bands[band] = rs.getLong(band + 1);
            }
            return bands;
        }).single();
    }
}
