package org.participe.budget;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.budget.counting.Instance;
import org.participe.budget.counting.Pabulib;
import org.participe.budget.counting.PabulibMeta;
import org.participe.budget.counting.Project;
import org.participe.budget.internal.BallotStore;
import org.participe.budget.internal.BudgetCounter;
import org.participe.budget.internal.CountStore;
import org.participe.budget.internal.EnvelopeRow;
import org.participe.budget.internal.VoteSettings;
import org.participe.budget.internal.WinnerStore;
import org.participe.follows.FollowService;
import org.participe.initiatives.BudgetOrigin;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.CurrentUser;
import org.participe.security.Roles;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a citizens' budget, public once the vote has closed: each envelope's winners, votes,
 * money spent and why (the count's explanation), the turnout by neighbourhood and age band (groups
 * under {@value #SMALLEST_GROUP} never shown), and the anonymised ballots as a pabulib file. Staff may
 * run the count as soon as the vote has closed, through the same code as the job.
 */
@Service
@Transactional(readOnly = true)
public class BudgetResultService {

    /** Groups of voters smaller than this are never shown, so that nobody can be recognised in them. */
    public static final int SMALLEST_GROUP = 5;
    static final String ANYONE = "permitAll()";
    static final String STAFF = "hasAnyRole('" + Roles.STAFF + "', '" + Roles.ADMIN + "')";
    /** Creating initiatives is the town staff's (as in the initiatives module). */
    static final String INITIATIVE_STAFF = "hasRole('" + Roles.STAFF + "')";

    private final BallotStore ballots;
    private final CountStore counts;
    private final BudgetCounter counter;
    private final WinnerStore winners;
    private final InitiativeService initiatives;
    private final FollowService follows;
    private final TownService town;
    private final CurrentUser currentUser;
    private final Clock clock;

    BudgetResultService(BallotStore ballots, CountStore counts, BudgetCounter counter, WinnerStore winners, InitiativeService initiatives,
                        FollowService follows, TownService town, CurrentUser currentUser, Clock clock) {
        this.ballots = ballots;
        this.counts = counts;
        this.counter = counter;
        this.winners = winners;
        this.initiatives = initiatives;
        this.follows = follows;
        this.town = town;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The results of a published campaign whose vote has closed; empty before the close (nothing is shown early). */
    @PreAuthorize(ANYONE)
    public Optional<VoteResults> results(long campaignId) {
        Optional<VoteSettings> found = closed(campaignId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VoteSettings campaign = found.get();
        boolean staff = currentUser.hasRole(Roles.STAFF) || currentUser.hasRole(Roles.ADMIN);
        if (campaign.countedAt() == null) {
            return Optional.of(new VoteResults(campaignId, campaign.title(), campaign.countingRule(), campaign.voteClosesAt(), null, staff,
                    0, List.of(), List.of()));
        }
        Map<Long, CountStore.StoredResult> stored = counts.results(campaignId);
        Map<Long, List<CountedProject>> projects = counts.countedProjects(campaignId);
        List<EnvelopeResult> envelopes = new ArrayList<>();
        for (EnvelopeRow envelope : ballots.envelopes(campaignId)) {
            CountStore.StoredResult result = stored.get(envelope.id());
            if (result != null) {
                envelopes.add(new EnvelopeResult(envelope.id(), envelope.neighbourhoodName(), envelope.amountCents(), result.ballots(),
                        result.spentCents(), projects.getOrDefault(envelope.id(), List.of()), BudgetCounter.explanation(result.explanation())));
            }
        }
        return Optional.of(new VoteResults(campaignId, campaign.title(), campaign.countingRule(), campaign.voteClosesAt(), campaign.countedAt(),
                false, counts.voters(campaignId), envelopes, turnout(campaignId, campaign.voteClosesAt())));
    }

    private List<TurnoutGroup> turnout(long campaignId, Instant closedAt) {
        Map<String, String> names = town.neighbourhoods().stream()
                .collect(Collectors.toMap(n -> Long.toString(n.id()), Neighbourhood::name, (a, b) -> a, LinkedHashMap::new));
        List<TurnoutGroup> groups = new ArrayList<>();
        counts.turnout(campaignId, ZonedDateTime.ofInstant(closedAt, TownZone.zone()).getYear()).forEach((key, voters) -> {
            String[] parts = key.split(":", 2);
            TurnoutGroup.Dimension dimension = TurnoutGroup.Dimension.valueOf(parts[0]);
            String group = parts[1].isEmpty() ? null : parts[1];
            String label = dimension == TurnoutGroup.Dimension.NEIGHBOURHOOD && group != null ? names.getOrDefault(group, group) : group;
            groups.add(new TurnoutGroup(dimension, group, label, voters < SMALLEST_GROUP ? null : voters));
        });
        return groups;
    }

    /**
     * Counts the campaign now, if its vote has closed and it was not counted (staff on the results
     * page; the job does the same a minute after the close). False when there was nothing to do.
     */
    @PreAuthorize(STAFF)
    @Transactional
    public boolean countNow(long campaignId) {
        return counter.countIfDue(campaignId);
    }

    /**
     * Turns each winning project of the counted campaign into a published initiative of this category
     * (planned, the project's title, text, cost and neighbourhood), linked both ways, whose followers
     * are the project's: staff on the results page. Projects already turned are skipped, so that the
     * action may be run again (after a new winner, or twice at once); the number of initiatives created.
     */
    @PreAuthorize(INITIATIVE_STAFF)
    @Transactional
    public int createWinnerInitiatives(long campaignId, long categoryId) {
        int created = 0;
        for (WinnerStore.Winner winner : winners.notYetTurned(campaignId)) {
            InitiativeDraft draft = new InitiativeDraft(winner.title(), summary(winner.description()), winner.description(), categoryId,
                    winner.neighbourhoodId() == null ? Set.of() : Set.of(winner.neighbourhoodId()), (winner.costCents() + 99) / 100,
                    InitiativeStatus.PLANNED, 0, "", List.of(), null);
            long initiative = initiatives.createFromBudget(draft, new BudgetOrigin(winner.id(), winner.campaignTitle()));
            winners.link(winner.id(), initiative);
            follows.carryOverFollowers(ContentKey.budgetProject(winner.id()), ContentKey.initiative(initiative));
            created++;
        }
        return created;
    }

    /** Whether the current person may turn the winners into initiatives (town staff). */
    @PreAuthorize(ANYONE)
    public boolean mayCreateInitiatives() {
        return currentUser.hasRole(Roles.STAFF);
    }

    /** The initiative a winning project became, if any. */
    @PreAuthorize(ANYONE)
    public Optional<Long> initiativeOf(long projectId) {
        return winners.initiativeOf(projectId);
    }

    /** An initiative's summary (at most 400 characters) from a project's description. */
    private static String summary(String description) {
        String line = description.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= 400 ? line : line.substring(0, line.offsetByCodePoints(0, 399)).strip() + "…";
    }

    /**
     * The anonymised ballots and projects of a counted envelope as a pabulib {@code .pb} file (the open
     * format pabutools and equalshares.net read); empty before the count or for an unknown envelope.
     */
    @PreAuthorize(ANYONE)
    public Optional<String> pabulib(long campaignId, long envelopeId) {
        Optional<VoteSettings> campaign = closed(campaignId).filter(c -> c.countedAt() != null);
        Optional<EnvelopeRow> envelope = campaign.flatMap(c -> ballots.envelopes(campaignId).stream().filter(e -> e.id() == envelopeId).findFirst());
        if (envelope.isEmpty()) {
            return Optional.empty();
        }
        List<CountedProject> counted = counts.countedProjects(campaignId).getOrDefault(envelopeId, List.of()).stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        Set<Long> onBallot = counted.stream().map(CountedProject::id).collect(Collectors.toSet());
        List<Set<String>> cast = new ArrayList<>();
        for (Set<Long> ballot : counts.ballots(envelopeId)) {
            Set<String> kept = new LinkedHashSet<>();
            ballot.stream().filter(onBallot::contains).sorted().forEach(id -> kept.add(Long.toString(id)));
            cast.add(kept);
        }
        Instance instance = new Instance(counted.stream().map(p -> new Project(Long.toString(p.id()), p.title(), p.costCents())).toList(),
                envelope.get().amountCents(), cast);
        VoteSettings settings = campaign.get();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("subunit", envelope.get().neighbourhoodName() == null ? "" : envelope.get().neighbourhoodName());
        other.put("date_begin", day.format(settings.voteOpensAt().atZone(TownZone.zone())));
        other.put("date_end", day.format(settings.voteClosesAt().atZone(TownZone.zone())));
        other.put("language", settings.language());
        other.put("currency", "EUR");
        PabulibMeta meta = new PabulibMeta(settings.title(), "France", town.profile().name(),
                Integer.toString(settings.voteClosesAt().atZone(TownZone.zone()).getYear()),
                CountExplanation.GREEDY.equals(settings.countingRule()) ? PabulibMeta.RULE_GREEDY : PabulibMeta.RULE_EQUAL_SHARES, other);
        StringWriter out = new StringWriter();
        Pabulib.write(instance, meta, counted.stream().filter(CountedProject::selected).map(p -> Long.toString(p.id())).toList(), out);
        return Optional.of(out.toString());
    }

    /**
     * Whether a ballot with this receipt was counted in the campaign (a voter checks their own; the
     * receipt is random, so the answer tells nothing of the choices or of who holds it).
     */
    @PreAuthorize(ANYONE)
    public boolean receiptCounted(long campaignId, String receipt) {
        String code = receipt == null ? "" : receipt.strip().toUpperCase(java.util.Locale.ROOT);
        return code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}") && closed(campaignId).filter(c -> c.countedAt() != null).isPresent()
                && counts.receiptCounted(campaignId, code);
    }

    /** Where an envelope's pabulib file is served (budget's web controller). */
    public static String pabulibPath(long campaignId, long envelopeId) {
        return "/media/budgets/" + campaignId + "/envelope-" + envelopeId + ".pb";
    }

    private Optional<VoteSettings> closed(long campaignId) {
        Instant now = clock.instant();
        return ballots.settings(campaignId).filter(VoteSettings::published).filter(c -> c.phaseAt(now).voteClosed());
    }
}
