package org.participe.reporting.internal;

import static org.participe.reporting.internal.ReportSql.ROLLUP_DAYS;
import static org.participe.reporting.internal.ReportSql.accountFilter;
import static org.participe.reporting.internal.ReportSql.filtered;
import static org.participe.reporting.internal.ReportSql.ideaFilter;
import static org.participe.reporting.internal.ReportSql.params;
import static org.participe.reporting.internal.ReportSql.participantsSql;
import static org.participe.reporting.internal.ReportSql.range;
import static org.participe.reporting.internal.ReportSql.rollupFilter;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.participe.reporting.GroupFigures;
import org.participe.reporting.Metric;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.participe.reporting.WeekActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity figures: the whole catalogue of one period in one statement, the activity per week
 * and per neighbourhood or category. Ideas, supports and comments are summed from the rollup
 * {@code activity_daily}, participants from their days of participation; everything else from the
 * views the owning modules publish for reporting. Each method is one SQL statement.
 */
@Component
public class ActivityFigureStore {

    private final JdbcClient jdbc;

    ActivityFigureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement computes the whole catalogue for one period. */
    public Map<Metric, Double> catalogue(ReportPeriod period, ReportFilter filter) {
        String ideaFilter = ideaFilter(filter);
        String sql = """
                select rollup.ideas, rollup.supports, rollup.comments,
                  (select count(*) from (%1$s) p) as participants,
                  (select count(*) from account_demographics a where a.email_confirmed_at is not null and a.created_at %2$s and %3$s) as new_accounts,
                  answered.n as answered, answered.with_due, answered.on_time, answered.median_days,
                  (select count(*) from flag_report f
                     left join comment_report c on f.content_type = 'COMMENT' and c.id = f.content_id and c.target_type = 'IDEA'
                     join idea_report i on i.id = case when f.content_type = 'IDEA' then f.content_id else c.target_id end
                     where f.created_at %4$s and %5$s) as flags,
                  (select count(*) from moderation_report m
                     left join comment_report c on m.content_type = 'COMMENT' and c.id = m.content_id and c.target_type = 'IDEA'
                     join idea_report i on i.id = case when m.content_type = 'IDEA' then m.content_id else c.target_id end
                     where m.hidden and m.hidden_at %6$s and %5$s) as hidden_items
                from (select coalesce(sum(a.ideas), 0) as ideas, coalesce(sum(a.supports), 0) as supports, coalesce(sum(a.comments), 0) as comments
                      from activity_daily a where %7$s and %8$s) rollup,
                     (select count(*) as n, count(*) filter (where m.due_at is not null) as with_due,
                             count(*) filter (where m.due_at is not null and m.answered_at <= m.due_at) as on_time,
                             percentile_cont(0.5) within group (order by extract(epoch from m.answered_at - coalesce(m.published_at, m.content_created_at)) / 86400.0) as median_days
                      from moderation_report m %9$s
                      where m.content_type = 'IDEA' and m.answered_at %10$s and %5$s) answered"""
                .formatted(participantsSql(filter), range("a.created_at"), accountFilter(filter), range("f.created_at"), ideaFilter,
                        range("m.hidden_at"), ROLLUP_DAYS, rollupFilter(filter, "a"),
                        filtered(filter) ? "join idea_report i on i.id = m.content_id" : "", range("m.answered_at"));
        return params(jdbc.sql(sql), period, filter).query((rs, n) -> {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            values.put(Metric.IDEAS, (double) rs.getLong("ideas"));
            values.put(Metric.SUPPORTS, (double) rs.getLong("supports"));
            values.put(Metric.COMMENTS, (double) rs.getLong("comments"));
            values.put(Metric.PARTICIPANTS, (double) rs.getLong("participants"));
            values.put(Metric.NEW_ACCOUNTS, (double) rs.getLong("new_accounts"));
            values.put(Metric.IDEAS_ANSWERED, (double) rs.getLong("answered"));
            long withDue = rs.getLong("with_due");
            values.put(Metric.ANSWERED_ON_TIME, withDue == 0 ? null : 100.0 * rs.getLong("on_time") / withDue);
            values.put(Metric.MEDIAN_DAYS_TO_ANSWER, (Double) rs.getObject("median_days"));
            values.put(Metric.FLAGS, (double) rs.getLong("flags"));
            values.put(Metric.HIDDEN_ITEMS, (double) rs.getLong("hidden_items"));
            return values;
        }).single();
    }

    /** Activity per week of the period (Monday to Sunday, town time), every week listed even when empty. */
    public List<WeekActivity> weekly(ReportPeriod period, ReportFilter filter) {
        String sql = """
                with weeks as (
                    select generate_series(date_trunc('week', cast(:firstDay as date)), cast(:lastDay as date), interval '1 week')::date as week
                ), activity as (
                    select date_trunc('week', a.day)::date as week, sum(a.ideas) as ideas, sum(a.supports) as supports, sum(a.comments) as comments
                    from activity_daily a where %1$s and %2$s group by 1
                ), accounts as (
                    select date_trunc('week', a.created_at at time zone :zone)::date as week, count(*) as n
                    from account_demographics a where a.email_confirmed_at is not null and a.created_at %3$s and %4$s group by 1
                )
                select w.week, coalesce(x.ideas, 0), coalesce(x.supports, 0), coalesce(x.comments, 0), coalesce(n.n, 0)
                from weeks w left join activity x using (week) left join accounts n using (week)
                order by w.week"""
                .formatted(ROLLUP_DAYS, rollupFilter(filter, "a"), range("a.created_at"), accountFilter(filter));
        return params(jdbc.sql(sql), period, filter)
                .query((rs, n) -> new WeekActivity(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Ideas, supports and comments of the period per neighbourhood ("" for ideas about the whole town). */
    public List<GroupFigures> byNeighbourhood(ReportPeriod period, ReportFilter filter) {
        return rolledUp("case when a.neighbourhood_key = 0 then '' else cast(a.neighbourhood_key as text) end",
                "coalesce((select name from neighbourhood_public where id = a.neighbourhood_key), '')", period, filter);
    }

    /** Ideas, supports and comments of the period per category (French name). */
    public List<GroupFigures> byCategory(ReportPeriod period, ReportFilter filter) {
        return rolledUp("cast(a.category_id as text)", "(select name_fr from category_public where id = a.category_id)", period, filter);
    }

    private List<GroupFigures> rolledUp(String key, String label, ReportPeriod period, ReportFilter filter) {
        String sql = """
                select %1$s as key, %2$s as label, sum(a.ideas) as ideas, sum(a.supports) as supports, sum(a.comments) as comments
                from activity_daily a where %3$s and %4$s
                group by 1, 2 having sum(a.ideas) + sum(a.supports) + sum(a.comments) > 0
                order by ideas desc, supports desc, label"""
                .formatted(key, label, ROLLUP_DAYS, rollupFilter(filter, "a"));
        return params(jdbc.sql(sql), period, filter)
                .query((rs, n) -> new GroupFigures(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }
}
