package org.participe.moderation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.participe.base.content.ContentKey;
import org.participe.moderation.ItemFollowUp;
import org.participe.moderation.PeriodFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The follow-up of official answers, kept on the queue rows of answerable content: who answers by
 * when, when the answer came, and the figures that measure it.
 */
@Component
public class FollowUps {

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An answerable item's assignment before a change, its row locked; empty when the item owes no answer. */
    public Optional<Assignment> lockAssignment(ContentKey ref) {
        return jdbc.sql("""
                        select m.author_id, m.version, m.due_at, coalesce(a.display_name, '') || '/' || coalesce(m.assignee_service, '')
                        from moderation_item m left join account_public a on a.id = m.assignee_id
                        where m.content_type = ? and m.content_id = ? and m.answerable for update of m""")
                .params(ref.kind().name(), ref.id())
                .query((rs, n) -> new Assignment(rs.getLong(1), rs.getLong(2), Rows.instant(rs, "due_at"), rs.getString(4)))
                .optional();
    }

    /** @param assignee as the audit writes it: "official's name/service" */
    public record Assignment(long authorId, long version, Instant dueAt, String assignee) {
    }

    public void assign(ContentKey ref, Long officialId, String service, Instant due) {
        jdbc.sql("""
                        update moderation_item set assignee_id = ?, assignee_service = ?, due_at = ?, updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ?""")
                .params(officialId, service, Rows.timestamp(due), ref.kind().name(), ref.id()).update();
    }

    public List<String> knownServices() {
        return jdbc.sql("select distinct assignee_service from moderation_item where assignee_service is not null order by 1 limit 100")
                .query(String.class).list();
    }

    /** The item's follow-up, when it owes or got an answer. */
    public Optional<ItemFollowUp> of(ContentKey ref) {
        return jdbc.sql("""
                        select m.due_at, m.answered_at, a.display_name, m.assignee_service
                        from moderation_item m left join account_public a on a.id = m.assignee_id
                        where m.content_type = ? and m.content_id = ? and (m.answerable or m.answered_at is not null)""")
                .params(ref.kind().name(), ref.id())
                .query((rs, n) -> new ItemFollowUp(Rows.instant(rs, "due_at"), Rows.instant(rs, "answered_at"), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The figures of each month from {@code first} to {@code last} (first days) that had any, in the zone's months: one statement. */
    public List<PeriodFigures> monthly(LocalDate first, LocalDate last, ZoneId zone, Instant now) {
        return jdbc.sql("""
                        with months as (
                            select generate_series(cast(:first as date), cast(:last as date), interval '1 month')::date as month_start
                        ), answered as (
                            select (date_trunc('month', answered_at at time zone :zone))::date as month_start,
                                   count(*) as answered,
                                   count(*) filter (where due_at is not null) as with_due,
                                   count(*) filter (where due_at is not null and answered_at <= due_at) as on_time,
                                   percentile_cont(0.5) within group (order by extract(epoch from answered_at - coalesce(published_at, content_created_at)) / 86400.0) as median_days
                            from moderation_item where answered_at is not null and answered_at >= :from group by 1
                        ), overdue as (
                            select (date_trunc('month', due_at at time zone :zone))::date as month_start, count(*) as open_overdue
                            from moderation_item
                            where answerable and answered_at is null and not hidden and due_at is not null and due_at < :now and due_at >= :from
                            group by 1
                        )
                        select m.month_start, coalesce(a.answered, 0), coalesce(a.with_due, 0), coalesce(a.on_time, 0), a.median_days,
                               coalesce(o.open_overdue, 0)
                        from months m left join answered a using (month_start) left join overdue o using (month_start)
                        order by m.month_start desc""")
                .param("first", first).param("last", last).param("zone", zone.getId())
                .param("from", Rows.timestamp(first.atStartOfDay(zone).toInstant()))
                .param("now", Rows.timestamp(now))
                .query((rs, n) -> new PeriodFigures(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        (Double) rs.getObject(5), rs.getInt(6)))
                .list();
    }

    /** Every visible unanswered item past its due date at that moment. */
    public long overdue(Instant now) {
        return jdbc.sql("select count(*) from moderation_item where answerable and answered_at is null and due_at < ? and not hidden")
                .param(Rows.timestamp(now)).query(Long.class).single();
    }
}
