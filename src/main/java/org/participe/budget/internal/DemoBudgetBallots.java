package org.participe.budget.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.participe.accounts.AgeEligibility;
import org.participe.base.TownZone;
import org.participe.budget.BallotProject;
import org.participe.budget.BallotRules;
import org.participe.budget.VoterEligibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's ballots (demo mode only, after the demo town is seeded): when the demo holds the
 * campaigns {@value #OPEN} (vote open) and {@value #CLOSED} (vote closed), the demo residents vote in
 * them through the same store code as the ballot page (voter keys, participation, choices; no
 * phase check, since the closed campaign's vote is over), then the closed one is counted as the job
 * would. Seeded choices, so two demo towns are alike; popular projects are chosen more often. The
 * resident demo account ("Camille Martin", habitant@participe.demo) is left out of the open vote, so
 * that whoever tries the demo casts their first ballot themselves. A campaign that already has
 * ballots is left as it is; without those campaigns nothing happens.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
public class DemoBudgetBallots implements ApplicationRunner {

    public static final String OPEN = "Budget participatif 2027";
    public static final String CLOSED = "Budget participatif 2026";
    static final String DEMO_RESIDENT = "Camille Martin";
    private static final Logger log = LoggerFactory.getLogger(DemoBudgetBallots.class);

    private final BallotStore store;
    private final BudgetCounter counter;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoBudgetBallots(BallotStore store, BudgetCounter counter, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.counter = counter;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> seed());
    }

    /** Casts the demo's ballots; returns how many were cast (for tests). */
    public int seed() {
        int cast = 0;
        Optional<Long> open = store.campaignTitled(OPEN);
        if (open.isPresent() && !store.anyParticipation(open.get())) {
            cast += vote(open.get(), 0.75, true);
        }
        Optional<Long> closed = store.campaignTitled(CLOSED);
        if (closed.isPresent() && !store.anyParticipation(closed.get())) {
            cast += vote(closed.get(), 0.9, false);
            counter.countIfDue(closed.get());
        }
        if (cast > 0) {
            log.info("Demo data: {} citizens' budget ballots cast", cast);
        }
        return cast;
    }

    private int vote(long campaignId, double turnout, boolean leaveDemoResidentOut) {
        VoteSettings campaign = store.settings(campaignId).orElseThrow();
        List<EnvelopeRow> envelopes = store.envelopes(campaignId);
        Map<Long, List<BallotProject>> projects = store.ballotProjects(envelopes.stream().map(EnvelopeRow::id).toList());
        Random random = new Random(campaignId * 7919L);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Optional<byte[]> key = store.ballotKeyCreating(campaignId, fresh);
        if (key.isEmpty()) {
            return 0;
        }
        // Ballots are dated within the vote (the day of the close at the latest, today at the latest).
        Instant end = campaign.voteClosesAt().isBefore(clock.instant()) ? campaign.voteClosesAt() : clock.instant();
        LocalDate firstDay = LocalDate.ofInstant(campaign.voteOpensAt(), TownZone.zone());
        long days = Math.max(1, LocalDate.ofInstant(end, TownZone.zone()).toEpochDay() - firstDay.toEpochDay());
        int cast = 0;
        for (BallotStore.DemoVoter person : store.confirmedAccounts()) {
            VoterEligibility.Voter voter = new VoterEligibility.Voter(true, false, person.birthYear(), person.neighbourhoodId());
            boolean oldEnough = person.birthYear() != null
                    && new AgeEligibility(campaign.minimumAge()).isEligible(person.birthYear(), firstDay);
            if (!oldEnough || (leaveDemoResidentOut && DEMO_RESIDENT.equals(person.displayName())) || random.nextDouble() >= turnout) {
                continue;
            }
            LocalDate day = firstDay.plusDays(random.nextLong(days));
            for (EnvelopeRow envelope : envelopes) {
                if (!VoterEligibility.mayVoteIn(voter, envelope.neighbourhoodId()) || projects.get(envelope.id()).isEmpty()) {
                    continue;
                }
                Set<Long> choice = choose(campaign, envelope, projects.get(envelope.id()), random);
                store.cast(envelope.id(), person.id(), VoterKeys.of(key.get(), envelope.id(), person.id()), choice, receipt(random), "WEB", day);
                cast++;
            }
        }
        return cast;
    }

    /** Projects tried in a skewed order (the first ones of the list more often), kept while they fit. */
    private static Set<Long> choose(VoteSettings campaign, EnvelopeRow envelope, List<BallotProject> projects, Random random) {
        List<BallotProject> order = new ArrayList<>(projects);
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            weights.add(Math.pow(random.nextDouble(), 1.0 / (order.size() - i)));
        }
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            ranks.add(i);
        }
        ranks.sort((a, b) -> Double.compare(weights.get(b), weights.get(a)));
        int wanted = 1 + random.nextInt(Math.min(5, order.size()));
        Set<Long> chosen = new LinkedHashSet<>();
        long spent = 0;
        for (int rank : ranks) {
            BallotProject project = order.get(rank);
            if (chosen.size() >= wanted) {
                break;
            }
            if (BallotRules.fits(campaign.kind(), campaign.maxProjects(), envelope.amountCents(), spent, chosen.size(), project.costCents())) {
                chosen.add(project.id());
                spent += project.costCents();
            }
        }
        return Collections.unmodifiableSet(chosen);
    }

    private static String receipt(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
