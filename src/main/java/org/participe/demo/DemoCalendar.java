package org.participe.demo;

import java.time.Instant;
import java.util.List;

import org.participe.base.database.SqlArrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's past dates, counted back from the start of the seeding's transaction ({@code now()}).
 * PostgreSQL does the arithmetic, as it always did for the demo, so the dates stay the same:
 * days counted in the calendar of the session's time zone, intervals scaled as PostgreSQL scales
 * them, and its {@code hashtext} as the seeded random draw. No table is read or written here: the
 * owners date their rows through their services. One statement per list, whatever its length.
 */
@Component
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoCalendar {

    private final JdbcClient jdbc;

    DemoCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each instant ({@code null}: now) minus as many days and hours. */
    List<Instant> before(List<Instant> from, List<Integer> days, List<Integer> hours) {
        return jdbc.sql("""
                        select coalesce(f, now()) - make_interval(days => d, hours => h)
                        from unnest(cast(:from as timestamptz[]), cast(:days as int[]), cast(:hours as int[])) with ordinality as t(f, d, h, n)
                        order by n""")
                .param("from", SqlArrays.of(from)).param("days", SqlArrays.of(days)).param("hours", SqlArrays.of(hours))
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    /**
     * A support's date between its idea's publication and now: the square of a draw seeded by the
     * idea and the supporter, so that most supports come early, as in real life.
     */
    List<Instant> supportDates(List<Instant> published, List<Long> ideaIds, List<Long> accountIds) {
        return jdbc.sql("""
                        select p + (now() - p) * power((abs(hashtext(i || ':' || a)) % 1000) / 1000.0, 2)
                        from unnest(cast(:published as timestamptz[]), cast(:ideas as bigint[]), cast(:accounts as bigint[]))
                             with ordinality as t(p, i, a, n)
                        order by n""")
                .param("published", SqlArrays.of(published)).param("ideas", SqlArrays.of(ideaIds)).param("accounts", SqlArrays.of(accountIds))
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** The {@code rank}-th of {@code total} comments of an idea, spread evenly between its publication and now. */
    List<Instant> commentDates(List<Instant> published, List<Long> ranks, List<Long> totals) {
        return jdbc.sql("""
                        select p + (now() - p) * k / (total + 1.0)
                        from unnest(cast(:published as timestamptz[]), cast(:ranks as bigint[]), cast(:totals as bigint[]))
                             with ordinality as t(p, k, total, n)
                        order by n""")
                .param("published", SqlArrays.of(published)).param("ranks", SqlArrays.of(ranks)).param("totals", SqlArrays.of(totals))
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }
}
