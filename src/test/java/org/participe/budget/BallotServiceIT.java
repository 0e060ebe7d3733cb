package org.participe.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.io.StringReader;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.base.validation.InvalidInputException;
import org.participe.budget.counting.Pabulib;
import org.participe.budget.counting.PabulibFile;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** The vote and the count on a real PostgreSQL: what the server accepts and refuses, one ballot per person, a count run once that erases the keys. */
@SpringBootTest
class BallotServiceIT {

    @Autowired BallotService ballots;
    @Autowired BudgetResultService results;
    @Autowired BudgetFixture fixture;
    @Autowired TestData data;
    @Autowired List<PersonalData> personalData;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    private static String refusal(Runnable cast) {
        try {
            cast.run();
        } catch (InvalidInputException e) {
            return e.errors().get("ballot").messageKey();
        }
        throw new AssertionError("the cast was accepted");
    }

    @Test
    void aResidentCastsChangesAndFindsTheirBallotThroughTheVoterKeyOnly() {
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 100_000_00);
        long a = fixture.project(campaign, envelope, "Un jardin partagé au centre", 40_000_00);
        long b = fixture.project(campaign, envelope, "Des bancs le long du canal", 30_000_00);
        long c = fixture.project(campaign, envelope, "Une aire de jeux rénovée", 50_000_00);
        ParticipeUser voter = fixture.resident();

        BallotPage before = as(voter, () -> ballots.ballotPage(campaign)).orElseThrow();
        assertThat(before.access()).isEqualTo(BallotAccess.ALLOWED);
        assertThat(before.envelopes()).singleElement().satisfies(e -> {
            assertThat(e.cast()).isFalse();
            assertThat(e.projects()).extracting(BallotProject::id).containsExactlyInAnyOrder(a, b, c);
        });

        Receipt first = as(voter, () -> ballots.cast(campaign, envelope, Set.of(a, b)));
        assertThat(first.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        Receipt second = as(voter, () -> ballots.cast(campaign, envelope, Set.of(c)));
        assertThat(second.code()).isNotEqualTo(first.code());

        EnvelopeBallot mine = as(voter, () -> ballots.ballotPage(campaign)).orElseThrow().envelopes().getFirst();
        assertThat(mine.myChoices()).containsExactly(c);
        assertThat(mine.receipt()).isEqualTo(second.code());
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ?", envelope)).isEqualTo(1);
        assertThat(fixture.count("select count(*) from budget_participation where envelope_id = ? and account_id = ? and channel = 'WEB'",
                envelope, voter.accountId())).isEqualTo(1);
        assertThat(fixture.count("select count(*) from budget_ballot_choice ch join budget_ballot b on b.id = ch.ballot_id where b.envelope_id = ?",
                envelope)).isEqualTo(1);

        // The person's copy of their data says they voted, never what.
        PersonalDataSet votes = personalData.stream().flatMap(p -> p.export(voter.accountId()).stream())
                .filter(set -> set.name().equals("budget_votes")).findFirst().orElseThrow();
        assertThat(votes.columns()).containsExactly("campaign", "neighbourhood_envelope", "channel", "first_cast_on");
        assertThat(votes.rows()).singleElement().satisfies(row -> assertThat(row.get(2)).isEqualTo("WEB"));

        // Another person sees their own (empty) ballot, never the first one's choices; the order is theirs, stated by its seed.
        ParticipeUser other = fixture.resident();
        BallotPage theirs = as(other, () -> ballots.ballotPage(campaign)).orElseThrow();
        assertThat(theirs.envelopes().getFirst().myChoices()).isEmpty();
        assertThat(as(voter, () -> ballots.ballotPage(campaign)).orElseThrow().seed()).isEqualTo(before.seed());
    }

    @Test
    void theServerRefusesWhatThePageWouldNotOffer() {
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 60_000_00);
        long other = fixture.envelope(campaign, fixture.neighbourhood(), 10_000_00);
        long a = fixture.project(campaign, envelope, "Un jardin partagé au centre", 40_000_00);
        long b = fixture.project(campaign, envelope, "Des bancs le long du canal", 30_000_00);
        long submitted = fixture.project(campaign, envelope, "Un projet pas encore étudié", 1_000_00, "SUBMITTED");
        long notFeasible = fixture.project(campaign, envelope, "Un projet jugé infaisable", 1_000_00, "NOT_FEASIBLE");
        long elsewhere = fixture.project(campaign, other, "Un projet d'un autre quartier", 1_000_00);
        ParticipeUser voter = fixture.resident();

        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, envelope, Set.of(a, b))))).isEqualTo("budget.ballot.error.over-budget");
        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, envelope, Set.of(submitted))))).isEqualTo("budget.ballot.error.not-on-ballot");
        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, envelope, Set.of(notFeasible))))).isEqualTo("budget.ballot.error.not-on-ballot");
        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, envelope, Set.of(elsewhere))))).isEqualTo("budget.ballot.error.not-on-ballot");
        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, other, Set.of(elsewhere))))).isEqualTo("budget.ballot.error.other-neighbourhood");
        assertThat(fixture.count("select count(*) from budget_participation where account_id = ?", voter.accountId()))
                .as("nothing is written for a refused ballot").isZero();

        // Exactly the envelope is accepted.
        long exact = fixture.project(campaign, envelope, "Un projet au coût exact", 20_000_00);
        as(voter, () -> ballots.cast(campaign, envelope, Set.of(a, exact)));
    }

    @Test
    void eligibilityFollowsAgeAccountAndNeighbourhood() {
        long campaign = fixture.openCampaign();
        long neighbourhood = fixture.neighbourhood();
        long town = fixture.envelope(campaign, null, 10_000_00);
        long local = fixture.envelope(campaign, neighbourhood, 5_000_00);
        int thisYear = Year.now().getValue();
        ParticipeUser young = fixture.resident(thisYear - 15, neighbourhood);
        ParticipeUser sixteen = fixture.resident(thisYear - 16, neighbourhood);
        ParticipeUser undeclared = fixture.resident(null, null);
        ParticipeUser elsewhere = fixture.resident(1970, null);

        assertThat(as(young, () -> ballots.ballotPage(campaign)).orElseThrow().access()).isEqualTo(BallotAccess.TOO_YOUNG);
        assertThat(refusal(() -> as(young, () -> ballots.cast(campaign, town, Set.of())))).isEqualTo("budget.ballot.refused.TOO_YOUNG");
        assertThat(as(undeclared, () -> ballots.ballotPage(campaign)).orElseThrow().access()).isEqualTo(BallotAccess.BIRTH_YEAR_MISSING);
        assertThat(anonymously(() -> ballots.ballotPage(campaign)).orElseThrow().access()).isEqualTo(BallotAccess.SIGN_IN);
        assertThatThrownBy(() -> anonymously(() -> ballots.cast(campaign, town, Set.of()))).isInstanceOf(AccessDeniedException.class);

        BallotPage local16 = as(sixteen, () -> ballots.ballotPage(campaign)).orElseThrow();
        assertThat(local16.envelopes()).extracting(EnvelopeBallot::envelopeId).containsExactly(town, local);
        BallotPage townOnly = as(elsewhere, () -> ballots.ballotPage(campaign)).orElseThrow();
        assertThat(townOnly.envelopes()).extracting(EnvelopeBallot::envelopeId).containsExactly(town);
        assertThat(townOnly.otherNeighbourhoods()).isTrue();
        assertThat(townOnly.neighbourhoodUndeclared()).isTrue();
        assertThat(refusal(() -> as(elsewhere, () -> ballots.cast(campaign, local, Set.of())))).isEqualTo("budget.ballot.error.other-neighbourhood");
        as(sixteen, () -> ballots.cast(campaign, local, Set.of()));
    }

    @Test
    void atMostKProjects() {
        long campaign = fixture.openCampaign(CountExplanation.GREEDY, "AT_MOST_K", 2);
        long envelope = fixture.envelope(campaign, null, 1_000_00);
        long a = fixture.project(campaign, envelope, "Premier projet du test", 900_00);
        long b = fixture.project(campaign, envelope, "Deuxième projet du test", 900_00);
        long c = fixture.project(campaign, envelope, "Troisième projet du test", 900_00);
        ParticipeUser voter = fixture.resident();
        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, envelope, Set.of(a, b, c))))).isEqualTo("budget.ballot.error.too-many");
        as(voter, () -> ballots.cast(campaign, envelope, Set.of(a, b)));
    }

    @Test
    void aClosedVoteRefusesBallotsAndShowsNoBallot() {
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 10_000_00);
        long a = fixture.project(campaign, envelope, "Un jardin partagé au centre", 4_000_00);
        ParticipeUser voter = fixture.resident();
        assertThat(anonymously(() -> results.results(campaign))).as("no result before the close").isEmpty();
        fixture.closeVote(campaign);
        assertThat(refusal(() -> as(voter, () -> ballots.cast(campaign, envelope, Set.of(a))))).isEqualTo("budget.ballot.refused.CLOSED");
        BallotPage page = as(voter, () -> ballots.ballotPage(campaign)).orElseThrow();
        assertThat(page.access()).isEqualTo(BallotAccess.CLOSED);
        assertThat(page.envelopes()).isEmpty();
    }

    @Test
    void twoTabsCastingAtOnceGiveOneBallotAndOneParticipation() throws Exception {
        for (int round = 0; round < 4; round++) {
            // A new campaign each round: the first casts also race to create the campaign's ballot key.
            long campaign = fixture.openCampaign();
            long envelope = fixture.envelope(campaign, null, 10_000_00);
            long a = fixture.project(campaign, envelope, "Un jardin partagé au centre", 4_000_00);
            long b = fixture.project(campaign, envelope, "Des bancs le long du canal", 3_000_00);
            ParticipeUser voter = fixture.resident();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService tabs = Executors.newFixedThreadPool(2);
            try {
                List<Future<Receipt>> casts = new ArrayList<>();
                for (Set<Long> choice : List.of(Set.of(a), Set.of(b))) {
                    casts.add(tabs.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return as(voter, () -> ballots.cast(campaign, envelope, choice));
                    }));
                }
                start.countDown();
                for (Future<Receipt> cast : casts) {
                    assertThat(cast.get(30, TimeUnit.SECONDS).code()).isNotBlank();
                }
            } finally {
                tabs.shutdownNow();
            }
            assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ?", envelope)).isEqualTo(1);
            assertThat(fixture.count("select count(*) from budget_participation where envelope_id = ?", envelope)).isEqualTo(1);
            assertThat(fixture.count("select count(*) from budget_ballot_choice ch join budget_ballot b on b.id = ch.ballot_id where b.envelope_id = ?",
                    envelope)).as("the last cast's choice alone").isEqualTo(1);
            assertThat(as(voter, () -> ballots.ballotPage(campaign)).orElseThrow().envelopes().getFirst().myChoices()).hasSize(1);
        }
    }

    @Test
    void theCountStoresResultsMarksProjectsAndErasesEveryKey() throws Exception {
        long campaign = fixture.openCampaign(CountExplanation.GREEDY, "WITHIN_BUDGET", null);
        long envelope = fixture.envelope(campaign, null, 10_000_00);
        long popular = fixture.project(campaign, envelope, "Le projet le plus choisi", 6_000_00);
        long second = fixture.project(campaign, envelope, "Le deuxième plus choisi", 5_000_00);
        long cheap = fixture.project(campaign, envelope, "Un petit projet pas cher", 3_000_00);
        long nobody = fixture.project(campaign, envelope, "Un projet que nul ne choisit", 1_000_00);
        List<ParticipeUser> voters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ParticipeUser voter = fixture.resident(1950 + i, null);
            voters.add(voter);
            Set<Long> choice = i < 4 ? Set.of(popular, cheap) : Set.of(second);
            as(voter, () -> ballots.cast(campaign, envelope, choice));
        }
        fixture.closeVote(campaign);
        ParticipeUser staff = data.confirmedAccount("count-staff", Roles.STAFF);
        assertThatThrownBy(() -> as(voters.getFirst(), () -> results.countNow(campaign))).isInstanceOf(AccessDeniedException.class);

        // Two instances (or the job and staff) at once: one counts.
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> counts = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                counts.add(instances.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(staff, () -> results.countNow(campaign));
                }));
            }
            start.countDown();
            int counted = 0;
            for (Future<Boolean> count : counts) {
                counted += count.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(counted).isEqualTo(1);
        } finally {
            instances.shutdownNow();
        }
        assertThat(as(staff, () -> results.countNow(campaign))).as("a second count does nothing").isFalse();
        assertThat(fixture.count("select count(*) from budget_result where envelope_id = ?", envelope)).isEqualTo(1);
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ? and voter_key is not null", envelope)).isZero();
        assertThat(fixture.count("select count(*) from budget_campaign where id = ? and ballot_key is not null", campaign)).isZero();
        assertThat(fixture.jdbc().sql("select id, status from budget_project where campaign_id = ? order by id").param(campaign)
                .query((rs, n) -> rs.getString(2)).list()).containsExactly("SELECTED", "NOT_SELECTED", "SELECTED", "NOT_SELECTED");

        VoteResults shown = anonymously(() -> results.results(campaign)).orElseThrow();
        assertThat(shown.counted()).isTrue();
        assertThat(shown.voters()).isEqualTo(6);
        EnvelopeResult result = shown.envelopes().getFirst();
        assertThat(result.ballots()).isEqualTo(6);
        assertThat(result.spentCents()).isEqualTo(9_000_00);
        assertThat(result.projects()).extracting(CountedProject::id, CountedProject::votes, CountedProject::rank)
                .as("equal votes: the cheaper project first (docs/BUDGET_COUNTING.md)")
                .containsExactly(tuple(cheap, 4, 1), tuple(popular, 4, 2),
                        tuple(second, 2, null), tuple(nobody, 0, null));
        assertThat(result.explanation().steps()).extracting(CountExplanation.Step::decision)
                .containsExactly("FUNDED", "FUNDED", "DOES_NOT_FIT", "NO_VOTES");
        assertThat(result.explanation().moneyRanOutAt()).isEqualTo(Long.toString(second));
        // Six voters in six age bands or fewer: no group of five or more, so no number is shown; the undeclared neighbourhood is one group of six.
        assertThat(shown.turnout()).filteredOn(g -> g.dimension() == TurnoutGroup.Dimension.AGE_BAND).allSatisfy(g -> assertThat(g.voters()).isNull());
        assertThat(shown.turnout()).filteredOn(g -> g.dimension() == TurnoutGroup.Dimension.NEIGHBOURHOOD)
                .singleElement().satisfies(g -> assertThat(g.voters()).isEqualTo(6));

        PabulibFile file = Pabulib.read(new StringReader(anonymously(() -> results.pabulib(campaign, envelope)).orElseThrow()));
        assertThat(file.instance().ballots()).hasSize(6);
        assertThat(file.selected()).containsExactlyInAnyOrder(Long.toString(popular), Long.toString(cheap));
        assertThat(file.meta()).containsEntry("rule", "greedy").containsEntry("budget", "10000");
    }

    @Test
    void equalSharesExplainsEachRound() {
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 300_00);
        long big = fixture.project(campaign, envelope, "Un projet que la majorité veut", 200_00);
        long small = fixture.project(campaign, envelope, "Un projet de la minorité", 100_00);
        for (int i = 0; i < 3; i++) {
            Set<Long> choice = i < 2 ? Set.of(big) : Set.of(small);
            as(fixture.resident(), () -> ballots.cast(campaign, envelope, choice));
        }
        fixture.closeVote(campaign);
        ParticipeUser staff = data.confirmedAccount("count-staff", Roles.STAFF);
        assertThat(as(staff, () -> results.countNow(campaign))).isTrue();
        EnvelopeResult result = anonymously(() -> results.results(campaign)).orElseThrow().envelopes().getFirst();
        assertThat(result.projects()).allSatisfy(p -> assertThat(p.selected()).isTrue());
        CountExplanation why = result.explanation();
        assertThat(why.rule()).isEqualTo(CountExplanation.EQUAL_SHARES);
        assertThat(why.initialShare()).as("300 euros for 3 voters, in cents").isEqualTo("10000");
        assertThat(why.rounds()).hasSize(2);
        assertThat(why.rounds().getFirst().payments()).singleElement().satisfies(p -> {
            assertThat(why.rounds().getFirst().project()).isEqualTo(Long.toString(big));
            assertThat(CountExplanation.euros(p.amount())).isEqualByComparingTo("100.00");
            assertThat(p.voters()).isEqualTo(2);
        });
        assertThat(anonymously(() -> results.pabulib(campaign, 999_999_999L))).isEmpty();
    }
}
