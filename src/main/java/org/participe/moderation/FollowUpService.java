package org.participe.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.participe.accounts.AccountName;
import org.participe.accounts.AccountService;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.moderation.internal.AnswerDeadline;
import org.participe.moderation.internal.AnswerTemplates;
import org.participe.moderation.internal.AuditLog;
import org.participe.moderation.internal.FollowUps;
import org.participe.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final AccountService accounts;
    private final FollowUps followUps;
    private final AnswerTemplates templates;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    FollowUpService(AccountService accounts, FollowUps followUps, AnswerTemplates templates, AuditLog audit, CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.followUps = followUps;
        this.templates = templates;
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
        Optional<AccountName> assignedOfficial = officialId == null ? Optional.empty()
                : accounts.officials().stream().filter(candidate -> candidate.id() == officialId).findFirst();
        if (officialId != null && assignedOfficial.isEmpty()) {
            errors.reject("assignee", "followup.assign.not-official");
        }
        if (dueDate == null) {
            errors.reject("dueDate", "followup.due.required");
        } else if (AnswerDeadline.past(dueDate, LocalDate.now(clock.withZone(TownZone.zone())))) {
            errors.reject("dueDate", "followup.due.past");
        }
        errors.throwIfAny();
        Instant due = AnswerDeadline.endOf(dueDate, TownZone.zone());
        long official = currentUser.require().accountId();
        int done = 0;
        List<ContentKey> conflicts = new ArrayList<>();
        String assignee = assignedOfficial.map(AccountName::displayName).orElse("");
        for (ItemVersion item : items) {
            FollowUps.Assignment before = followUps.lockAssignment(item.ref())
                    .orElseThrow(() -> InvalidInputException.of("assignee", "followup.assign.not-answerable"));
            if (before.version() != item.version()) {
                if (items.size() == 1) {
                    throw new OptimisticLockingFailureException("Another official acted on " + item.ref());
                }
                conflicts.add(item.ref());
                continue;
            }
            followUps.assign(item.ref(), officialId, cleanService, due);
            audit.record(official, "ASSIGN", item.ref(), before.authorId(), null, null,
                    before.assignee() + " due " + (before.dueAt() == null ? "-" : before.dueAt().atZone(TownZone.zone()).toLocalDate()),
                    assignee + "/" + (cleanService == null ? "" : cleanService) + " due " + dueDate);
            done++;
        }
        return new ActionResult(done, List.copyOf(conflicts));
    }

    /** The services items were assigned to before: what the assignment form proposes. */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<String> knownServices() {
        return followUps.knownServices();
    }

    /** An item's follow-up as its public page shows it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<ItemFollowUp> followUp(ContentKey ref) {
        return followUps.of(ref);
    }

    // Public figures ----------------------------------------------------------------------------

    /** The last {@code months} months, most recent first: one statement. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<PeriodFigures> monthlyFigures(int months) {
        YearMonth current = YearMonth.now(clock.withZone(TownZone.zone()));
        YearMonth first = current.minusMonths(Math.max(1, Math.min(months, 36)) - 1L);
        Map<LocalDate, PeriodFigures> byMonth = new HashMap<>();
        followUps.monthly(first.atDay(1), current.atDay(1), TownZone.zone(), clock.instant())
                .forEach(figures -> byMonth.put(figures.periodStart(), figures));
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
        return followUps.overdue(clock.instant());
    }

    // Answer templates --------------------------------------------------------------------------

    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<AnswerTemplate> templates() {
        return templates.all();
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
                long newId = templates.add(cleanTitle, cleanBody, currentUser.require().accountId(), clock.instant());
                return new AnswerTemplate(newId, cleanTitle, cleanBody, 0);
            }
            if (!templates.update(id, cleanTitle, cleanBody, version, clock.instant())) {
                throw new OptimisticLockingFailureException("The template changed since it was read");
            }
            return new AnswerTemplate(id, cleanTitle, cleanBody, version + 1);
        } catch (DuplicateKeyException duplicate) {
            throw InvalidInputException.of("title", "followup.template.duplicate");
        }
    }

    @PreAuthorize(OFFICIAL)
    public void deleteTemplate(long id) {
        templates.delete(id);
    }
}
