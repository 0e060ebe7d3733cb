package org.participe.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.participe.base.TownZone;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.budget.internal.CampaignRecord;
import org.participe.budget.internal.CampaignRow;
import org.participe.budget.internal.CampaignStore;
import org.participe.security.CurrentUser;
import org.participe.security.Roles;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' budget campaigns: staff write them (envelopes, phase dates, ballot kind, counting rule)
 * and publish them; everyone reads the published ones. Where a campaign stands is
 * {@link BudgetPhase}, from its dates; the rules of the vote are fixed once the vote has opened.
 */
@Service
@Transactional
public class CampaignService {

    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 150;
    public static final int RULES_MIN = 20;
    public static final int RULES_MAX = 20000;
    public static final long AMOUNT_MAX_EUROS = 1_000_000_000L;
    public static final int DEFAULT_MINIMUM_AGE = 16;
    static final String EDITORS = "hasAnyRole('" + Roles.STAFF + "', '" + Roles.ADMIN + "')";

    private final CampaignStore campaigns;
    private final TownService town;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final LocalePreference languages;

    CampaignService(CampaignStore campaigns, TownService town, CurrentUser currentUser, Clock clock, LocalePreference languages) {
        this.campaigns = campaigns;
        this.town = town;
        this.currentUser = currentUser;
        this.clock = clock;
        this.languages = languages;
    }

    // Reading ----------------------------------------------------------------------------------

    /** Published campaigns (and drafts for staff), the newest vote first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<CampaignCard> list(int offset, int limit) {
        List<CampaignRecord> page = campaigns.list(mayEdit(), Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
        Map<Long, Long> totals = new HashMap<>();
        campaigns.envelopes(page.stream().map(CampaignRecord::id).toList())
                .forEach(e -> totals.merge(e.campaignId(), e.envelope().amountCents(), Long::sum));
        Instant now = clock.instant();
        ZoneId zone = TownZone.zone();
        return page.stream().map(c -> new CampaignCard(c.id(), c.title(), c.lang(), phase(c, now), c.published(),
                day(c.voteOpensAt(), zone), day(c.voteClosesAt(), zone).minusDays(1), totals.getOrDefault(c.id(), 0L))).toList();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long count() {
        return campaigns.count(mayEdit());
    }

    /** Whether the current person writes campaigns (the list offers "New campaign" then). */
    @PreAuthorize("permitAll()")
    public boolean mayCreate() {
        return mayEdit();
    }

    /** A campaign the viewer may see (drafts: staff only), with its timeline and what the viewer may do. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<CampaignDetail> detail(long id) {
        return campaigns.find(id).filter(c -> c.published() || mayEdit()).map(this::detail);
    }

    private CampaignDetail detail(CampaignRecord c) {
        ZoneId zone = TownZone.zone();
        Instant now = clock.instant();
        BudgetPhase phase = phase(c, now);
        List<Envelope> envelopes = campaigns.envelopes(List.of(c.id())).stream().map(CampaignStore.CampaignEnvelope::envelope).toList();
        LocalDate submission = day(c.submissionOpensAt(), zone);
        LocalDate review = day(c.reviewOpensAt(), zone);
        LocalDate vote = day(c.voteOpensAt(), zone);
        LocalDate voteUntil = day(c.voteClosesAt(), zone).minusDays(1);
        LocalDate implementation = c.implementationFrom() == null ? null : day(c.implementationFrom(), zone);
        List<PhaseStep> timeline = timeline(phase, submission, review, vote, voteUntil, implementation);
        boolean edit = mayEdit();
        CampaignCapabilities can = new CampaignCapabilities(edit, proposeAccess(c.published(), phase),
                c.published() && phase.voteOpen(), c.published() && phase.voteClosed(),
                c.published() && currentUser.get().isPresent()
                        && (has(Roles.RESIDENT) || has(Roles.OFFICIAL) || has(Roles.STAFF) || has(Roles.ADMIN)));
        return new CampaignDetail(c.id(), c.title(), c.rules(), c.lang(), envelopes, submission, review, vote, voteUntil, implementation,
                c.voteOpensAt(), c.voteClosesAt(), c.minimumAge(), c.ballotKind(), c.maxProjects(), c.countingRule(), c.published(),
                phase, timeline, c.version(), can);
    }

    static List<PhaseStep> timeline(BudgetPhase now, LocalDate submission, LocalDate review, LocalDate vote, LocalDate voteUntil,
                                    LocalDate implementation) {
        List<PhaseStep> steps = new ArrayList<>();
        steps.add(step(now, BudgetPhase.SUBMISSION, submission, review.minusDays(1)));
        steps.add(step(now, BudgetPhase.REVIEW, review, vote.minusDays(1)));
        steps.add(step(now, BudgetPhase.VOTE, vote, voteUntil));
        steps.add(step(now, BudgetPhase.RESULTS, voteUntil.plusDays(1), implementation == null ? null : implementation.minusDays(1)));
        if (implementation != null) {
            steps.add(step(now, BudgetPhase.IMPLEMENTATION, implementation, null));
        }
        return steps;
    }

    private static PhaseStep step(BudgetPhase now, BudgetPhase phase, LocalDate from, LocalDate until) {
        PhaseStep.When when = now == phase ? PhaseStep.When.CURRENT
                : now.compareTo(phase) > 0 ? PhaseStep.When.PAST : PhaseStep.When.FUTURE;
        return new PhaseStep(phase, from, until, when);
    }

    private ProposeAccess proposeAccess(boolean published, BudgetPhase phase) {
        if (!published || !phase.submissionOpen()) {
            return ProposeAccess.CLOSED;
        }
        if (currentUser.get().isEmpty()) {
            return ProposeAccess.SIGN_IN;
        }
        if (has(Roles.RESIDENT)) {
            return ProposeAccess.ALLOWED;
        }
        return has(Roles.UNCONFIRMED) && !has(Roles.BLOCKED) ? ProposeAccess.CONFIRM_EMAIL : ProposeAccess.NOT_ALLOWED;
    }

    // Writing (staff) --------------------------------------------------------------------------

    @PreAuthorize(EDITORS)
    public long create(CampaignDraft draft) {
        Clean clean = validate(draft, null);
        long id = campaigns.insert(clean.row(), currentUser.require().accountId(), languages.writingLanguage(), clock.instant());
        clean.envelopes().forEach((place, cents) -> campaigns.putEnvelope(id, place, cents));
        return id;
    }

    /**
     * Rewrites a campaign read at {@code version}. Once the vote has opened, its ballot kind,
     * counting rule, envelopes and opening date are fixed; once it has closed, its closing date too.
     */
    @PreAuthorize(EDITORS)
    public void update(long id, CampaignDraft draft, long version) {
        CampaignDetail before = detail(id).orElseThrow(() -> InvalidInputException.of("campaign", "budget.campaign.not-found"));
        Clean clean = validate(draft, before);
        Set<Long> inUse = campaigns.envelopesInUse(id);
        var errors = new InvalidInputException.Collector();
        for (Envelope envelope : before.envelopes()) {
            if (!clean.envelopes().containsKey(envelope.neighbourhoodId()) && inUse.contains(envelope.id())) {
                errors.reject(envelopeField(envelope.neighbourhoodId()), "budget.envelope.in-use");
            }
        }
        errors.throwIfAny();
        if (!campaigns.rewrite(id, version, clean.row(), clock.instant())) {
            throw new OptimisticLockingFailureException("The campaign changed since it was read");
        }
        for (Envelope envelope : before.envelopes()) {
            if (!clean.envelopes().containsKey(envelope.neighbourhoodId())) {
                campaigns.removeEnvelope(envelope.id());
            }
        }
        clean.envelopes().forEach((place, cents) -> campaigns.putEnvelope(id, place, cents));
    }

    // Rules ------------------------------------------------------------------------------------

    /** The row to write and the envelopes' amounts in cents by neighbourhood (null: the whole town). */
    private record Clean(CampaignRow row, Map<Long, Long> envelopes) {
    }

    private Clean validate(CampaignDraft draft, CampaignDetail before) {
        var errors = new InvalidInputException.Collector();
        String title = strip(draft.title());
        if (TypedText.length(title) < TITLE_MIN || TypedText.length(title) > TITLE_MAX) {
            errors.reject("title", "validation.length", TITLE_MIN, TITLE_MAX);
        } else {
            TypedText.check("title", title, errors);
        }
        String rules = strip(draft.rules());
        if (TypedText.length(rules) < RULES_MIN || TypedText.length(rules) > RULES_MAX) {
            errors.reject("rules", "validation.length", RULES_MIN, RULES_MAX);
        } else {
            TypedText.check("rules", rules, errors);
        }
        Map<Long, Long> envelopes = envelopes(draft.envelopes() == null ? List.of() : draft.envelopes(), errors);
        dates(draft, errors);
        int minimumAge = draft.minimumAge() == null ? DEFAULT_MINIMUM_AGE : draft.minimumAge();
        if (minimumAge < 0 || minimumAge > 120) {
            errors.reject("minimumAge", "validation.range", 0, 120);
        }
        BallotKind kind = draft.ballotKind() == null ? BallotKind.WITHIN_BUDGET : draft.ballotKind();
        Integer maxProjects = kind == BallotKind.AT_MOST_K ? draft.maxProjects() : null;
        if (kind == BallotKind.AT_MOST_K && (maxProjects == null || maxProjects < 1 || maxProjects > 100)) {
            errors.reject("maxProjects", "budget.campaign.max-projects", 1, 100);
        }
        CountingRule rule = draft.countingRule() == null ? CountingRule.EQUAL_SHARES : draft.countingRule();
        if (before != null && before.rulesFixed()) {
            if (kind != before.ballotKind()) {
                errors.reject("ballotKind", "budget.campaign.fixed-after-vote");
            }
            if (!Objects.equals(maxProjects, before.maxProjects())) {
                errors.reject("maxProjects", "budget.campaign.fixed-after-vote");
            }
            if (rule != before.countingRule()) {
                errors.reject("countingRule", "budget.campaign.fixed-after-vote");
            }
            Map<Long, Long> was = new HashMap<>();
            before.envelopes().forEach(e -> was.put(e.neighbourhoodId(), e.amountCents()));
            if (!was.equals(envelopes)) {
                Set<Long> places = new HashSet<>(was.keySet());
                places.addAll(envelopes.keySet());
                places.stream().filter(place -> !Objects.equals(was.get(place), envelopes.get(place)))
                        .forEach(place -> errors.reject(envelopeField(place), "budget.campaign.fixed-after-vote"));
            }
            if (draft.voteFrom() != null && !draft.voteFrom().equals(before.voteFrom())) {
                errors.reject("voteFrom", "budget.campaign.fixed-after-vote");
            }
            if (before.phase().voteClosed() && draft.voteUntil() != null && !draft.voteUntil().equals(before.voteUntil())) {
                errors.reject("voteUntil", "budget.campaign.fixed-after-close");
            }
        }
        errors.throwIfAny();
        ZoneId zone = TownZone.zone();
        CampaignRow row = new CampaignRow(title, rules, kind, maxProjects, rule, minimumAge,
                start(draft.submissionFrom(), zone), start(draft.reviewFrom(), zone), start(draft.voteFrom(), zone),
                start(draft.voteUntil().plusDays(1), zone),
                draft.implementationFrom() == null ? null : start(draft.implementationFrom(), zone), draft.published());
        return new Clean(row, envelopes);
    }

    private Map<Long, Long> envelopes(List<EnvelopeDraft> drafts, InvalidInputException.Collector errors) {
        Map<Long, Long> cents = new LinkedHashMap<>();
        Set<Long> known = town.neighbourhoods().stream().map(Neighbourhood::id).collect(Collectors.toSet());
        Set<Long> seen = new HashSet<>();
        for (EnvelopeDraft envelope : drafts) {
            String field = envelopeField(envelope.neighbourhoodId());
            if (envelope.neighbourhoodId() != null && !known.contains(envelope.neighbourhoodId())) {
                errors.reject(field, "signup.neighbourhood.unknown");
            } else if (!seen.add(envelope.neighbourhoodId())) {
                errors.reject(field, "budget.envelope.duplicate");
            } else if (envelope.amountEuros() == null || envelope.amountEuros() <= 0 || envelope.amountEuros() > AMOUNT_MAX_EUROS) {
                errors.reject(field, "budget.envelope.amount", 1, AMOUNT_MAX_EUROS);
            } else {
                cents.put(envelope.neighbourhoodId(), envelope.amountEuros() * 100);
            }
        }
        if (!seen.contains(null)) {
            errors.reject("wholeTown", "budget.envelope.whole-town-required");
        }
        return cents;
    }

    /** The field of an envelope in refusals: {@code wholeTown}, or {@code envelope.<neighbourhood id>}. */
    public static String envelopeField(Long neighbourhoodId) {
        return neighbourhoodId == null ? "wholeTown" : "envelope." + neighbourhoodId;
    }

    private static void dates(CampaignDraft draft, InvalidInputException.Collector errors) {
        require(draft.submissionFrom(), "submissionFrom", errors);
        require(draft.reviewFrom(), "reviewFrom", errors);
        require(draft.voteFrom(), "voteFrom", errors);
        require(draft.voteUntil(), "voteUntil", errors);
        if (errors.has("submissionFrom") || errors.has("reviewFrom") || errors.has("voteFrom") || errors.has("voteUntil")) {
            return;
        }
        if (!draft.reviewFrom().isAfter(draft.submissionFrom())) {
            errors.reject("reviewFrom", "budget.campaign.review-after-submission");
        }
        if (!draft.voteFrom().isAfter(draft.reviewFrom())) {
            errors.reject("voteFrom", "budget.campaign.vote-after-review");
        }
        if (draft.voteUntil().isBefore(draft.voteFrom())) {
            errors.reject("voteUntil", "budget.campaign.vote-until-order");
        }
        if (draft.implementationFrom() != null && !draft.implementationFrom().isAfter(draft.voteUntil())) {
            errors.reject("implementationFrom", "budget.campaign.implementation-after-vote");
        }
    }

    private static void require(LocalDate date, String field, InvalidInputException.Collector errors) {
        if (date == null) {
            errors.reject(field, "budget.campaign.date-required");
        }
    }

    static BudgetPhase phase(CampaignRecord c, Instant now) {
        return BudgetPhase.at(now, c.submissionOpensAt(), c.reviewOpensAt(), c.voteOpensAt(), c.voteClosesAt(), c.implementationFrom());
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    private boolean mayEdit() {
        return has(Roles.STAFF) || has(Roles.ADMIN);
    }

    private boolean has(String role) {
        return currentUser.hasRole(role);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
