package org.participe.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.participe.base.TownZone;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.moderation.internal.AuditLog;
import org.participe.security.CurrentUser;
import org.participe.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following up residents' ideas: who answers by when, the answer templates officials reuse, and
 * the public figures that show whether the town keeps its charter's promise to answer in time.
 */
@Service
@Transactional
public class FollowUpService {

    public static final int SERVICE_MAX = 120;
    private static final String OFFICIAL = ModerationService.OFFICIAL;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    FollowUpService(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // Assignment --------------------------------------------------------------------------------

    /**
     * Assigns items to an official or a town service (or both), with a due date (end of that day in
     * the town). Items changed by another official since they were read are left alone and reported.
     */
    @PreAuthorize(OFFICIAL)
    public ActionResult assign(List<ItemVersion> items, Long officialId, String service, LocalDate dueDate) {
        String cleanService = service == null || service.isBlank() ? null : service.strip();
        var errors = new InvalidInputException.Collector();
        if (officialId == null && cleanService == null) {
            errors.reject("assignee", "followup.assign.who");
        }
        if (cleanService != null && (TypedText.length(cleanService) < 2 || TypedText.length(cleanService) > SERVICE_MAX)) {
            errors.reject("service", "validation.length", 2, SERVICE_MAX);
        } else {
            TypedText.check("service", cleanService, errors);
        }
        if (officialId != null && !jdbc.sql("select exists (select 1 from account_role where account_id = ? and role = ?)")
                .params(officialId, Roles.OFFICIAL).query(Boolean.class).single()) {
            errors.reject("assignee", "followup.assign.not-official");
        }
        if (dueDate == null) {
            errors.reject("dueDate", "followup.due.required");
        } else if (dueDate.isBefore(LocalDate.now(clock.withZone(TownZone.zone())))) {
            errors.reject("dueDate", "followup.due.past");
        }
        errors.throwIfAny();
        Timestamp due = Timestamp.from(dueDate.plusDays(1).atStartOfDay(TownZone.zone()).toInstant().minusSeconds(1));
        long official = currentUser.require().accountId();
        int done = 0;
        List<ContentRef> conflicts = new ArrayList<>();
        String assignee = officialId == null ? "" : jdbc.sql("select display_name from account where id = ?").param(officialId)
                .query(String.class).single();
        for (ItemVersion item : items) {
            var before = jdbc.sql("""
                            select m.author_id, m.version, m.due_at, coalesce(a.display_name, '') || '/' || coalesce(m.assignee_service, '')
                            from moderation_item m left join account a on a.id = m.assignee_id
                            where m.content_type = ? and m.content_id = ? and m.answerable for update of m""")
                    .params(item.ref().type(), item.ref().id())
                    .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getTimestamp(3), rs.getString(4)})
                    .optional().orElseThrow(() -> InvalidInputException.of("assignee", "followup.assign.not-answerable"));
            if ((long) before[1] != item.version()) {
                if (items.size() == 1) {
                    throw new OptimisticLockingFailureException("Another official acted on " + item.ref());
                }
                conflicts.add(item.ref());
                continue;
            }
            jdbc.sql("""
                            update moderation_item set assignee_id = ?, assignee_service = ?, due_at = ?, updated_at = now(), version = version + 1
                            where content_type = ? and content_id = ?""")
                    .params(officialId, cleanService, due, item.ref().type(), item.ref().id()).update();

            audit.record(official, "ASSIGN", item.ref(), (long) before[0], null, null,
                    before[3] + " due " + (before[2] == null ? "-" : ((Timestamp) before[2]).toInstant().atZone(TownZone.zone()).toLocalDate()),
                    assignee + "/" + (cleanService == null ? "" : cleanService) + " due " + dueDate);
            done++;
        }
        return new ActionResult(done, List.copyOf(conflicts));
    }

    /** The services items were assigned to before: what the assignment form proposes. */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<String> knownServices() {
        return jdbc.sql("select distinct assignee_service from moderation_item where assignee_service is not null order by 1 limit 100")
                .query(String.class).list();
    }

    /** An item's follow-up as its public page shows it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<ItemFollowUp> followUp(ContentRef ref) {
        return jdbc.sql("""
                        select m.due_at, m.answered_at, a.display_name, m.assignee_service
                        from moderation_item m left join account a on a.id = m.assignee_id
                        where m.content_type = ? and m.content_id = ? and (m.answerable or m.answered_at is not null)""")
                .params(ref.type(), ref.id())
                .query((rs, n) -> new ItemFollowUp(ModerationService.instant(rs, "due_at"), ModerationService.instant(rs, "answered_at"),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    // Public figures ----------------------------------------------------------------------------

    /** The last {@code months} months, most recent first: one statement. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<PeriodFigures> monthlyFigures(int months) {
        YearMonth current = YearMonth.now(clock.withZone(TownZone.zone()));
        YearMonth first = current.minusMonths(Math.max(1, Math.min(months, 36)) - 1L);
        Map<LocalDate, PeriodFigures> byMonth = new HashMap<>();
        jdbc.sql("""
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
                .param("first", first.atDay(1)).param("last", current.atDay(1)).param("zone", TownZone.zone().getId())
                .param("from", Timestamp.from(first.atDay(1).atStartOfDay(TownZone.zone()).toInstant()))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new PeriodFigures(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        (Double) rs.getObject(5), rs.getInt(6)))
                .list().forEach(figures -> byMonth.put(figures.periodStart(), figures));
        List<PeriodFigures> result = new ArrayList<>();
        for (YearMonth month = current; !month.isBefore(first); month = month.minusMonths(1)) {
            result.add(byMonth.getOrDefault(month.atDay(1), new PeriodFigures(month.atDay(1), 0, 0, 0, null, 0)));
        }
        return result;
    }

    /** Every unanswered item past its due date now, whatever the period. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long openOverdue() {
        return jdbc.sql("select count(*) from moderation_item where answerable and answered_at is null and due_at < ? and not hidden")
                .param(Timestamp.from(clock.instant())).query(Long.class).single();
    }

    // Answer templates --------------------------------------------------------------------------

    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<AnswerTemplate> templates() {
        return jdbc.sql("select id, title, body, version from answer_template order by title")
                .query((rs, n) -> new AnswerTemplate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** Creates a template ({@code id} null) or changes one, guarded by its version. */
    @PreAuthorize(OFFICIAL)
    public AnswerTemplate saveTemplate(Long id, String title, String body, long version) {
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.strip();
        var errors = new InvalidInputException.Collector();
        if (TypedText.length(cleanTitle) < 3 || TypedText.length(cleanTitle) > 120) {
            errors.reject("title", "validation.length", 3, 120);
        } else {
            TypedText.check("title", cleanTitle, errors);
        }
        if (TypedText.length(cleanBody) < 20 || TypedText.length(cleanBody) > 5000) {
            errors.reject("body", "validation.length", 20, 5000);
        } else {
            TypedText.check("body", cleanBody, errors);
        }
        errors.throwIfAny();
        try {
            if (id == null) {
                long newId = jdbc.sql("insert into answer_template (title, body, created_by, updated_at) values (?, ?, ?, ?) returning id")
                        .params(cleanTitle, cleanBody, currentUser.require().accountId(), Timestamp.from(clock.instant()))
                        .query(Long.class).single();
                return new AnswerTemplate(newId, cleanTitle, cleanBody, 0);
            }
            int updated = jdbc.sql("update answer_template set title = ?, body = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                    .params(cleanTitle, cleanBody, Timestamp.from(clock.instant()), id, version).update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("The template changed since it was read");
            }
            return new AnswerTemplate(id, cleanTitle, cleanBody, version + 1);
        } catch (DuplicateKeyException duplicate) {
            throw InvalidInputException.of("title", "followup.template.duplicate");
        }
    }

    @PreAuthorize(OFFICIAL)
    public void deleteTemplate(long id) {
        jdbc.sql("delete from answer_template where id = ?").param(id).update();
    }
}
