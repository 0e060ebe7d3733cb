package org.participe.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.follows.FollowService;
import org.participe.initiatives.BudgetOrigin;
import org.participe.initiatives.InitiativeDetail;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Staff turn the winning projects of a counted campaign into initiatives, once each, linked both ways, followers carried over. */
@SpringBootTest
class WinnerInitiativesIT {

    @Autowired BudgetResultService results;
    @Autowired InitiativeService initiatives;
    @Autowired FollowService follows;
    @Autowired BudgetFixture fixture;
    @Autowired TestData data;
    @Autowired TownService town;

    ParticipeUser staff;
    long categoryId;
    String title;
    long campaign;
    long neighbourhood;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        staff = data.confirmedAccount("budget-staff", Roles.STAFF);
        categoryId = town.activeCategories().getFirst().id();
        title = "Budget participatif " + UUID.randomUUID().toString().substring(0, 8);
        campaign = fixture.campaign(title, CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET", null, Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)));
        neighbourhood = fixture.neighbourhood();
    }

    @Test
    void eachWinnerBecomesOnePublishedInitiativeLinkedBothWaysWithItsFollowers() {
        long wholeTown = fixture.envelope(campaign, null, 100_000_00L);
        long local = fixture.envelope(campaign, neighbourhood, 20_000_00L);
        long park = fixture.project(campaign, wholeTown, "Un parc pour tous les enfants", 45_000_50L, "SELECTED");
        long benches = fixture.project(campaign, local, "Des bancs le long du canal", 8_000_00L, "SELECTED");
        long loser = fixture.project(campaign, wholeTown, "Une piscine olympique couverte", 90_000_00L, "NOT_SELECTED");
        ParticipeUser follower = fixture.resident();
        ParticipeUser otherFollower = fixture.resident();
        as(follower, () -> follows.follow(ContentKey.budgetProject(park)));
        as(otherFollower, () -> follows.follow(ContentKey.budgetProject(park)));
        as(otherFollower, () -> follows.follow(ContentKey.budgetProject(benches)));

        // Not counted yet: nothing to turn.
        assertThat(as(staff, () -> results.createWinnerInitiatives(campaign, categoryId))).isZero();
        counted();

        assertThat(as(staff, () -> results.createWinnerInitiatives(campaign, categoryId))).isEqualTo(2);

        long parkInitiative = anonymously(() -> results.initiativeOf(park)).orElseThrow();
        long benchesInitiative = anonymously(() -> results.initiativeOf(benches)).orElseThrow();
        assertThat(anonymously(() -> results.initiativeOf(loser))).isEmpty();
        InitiativeDetail detail = anonymously(() -> initiatives.detail(parkInitiative)).orElseThrow();
        assertThat(detail.title()).isEqualTo("Un parc pour tous les enfants");
        assertThat(detail.published()).isTrue();
        assertThat(detail.status()).isEqualTo(InitiativeStatus.PLANNED);
        assertThat(detail.budgetEuros()).isEqualTo(45_001L);
        assertThat(detail.neighbourhoodIds()).isEmpty();
        assertThat(anonymously(() -> initiatives.detail(benchesInitiative)).orElseThrow().neighbourhoodIds()).isEqualTo(Set.of(neighbourhood));
        assertThat(anonymously(() -> initiatives.budgetOrigin(parkInitiative))).contains(new BudgetOrigin(park, title));

        assertThat(as(follower, () -> follows.isFollowing(ContentKey.initiative(parkInitiative)))).isTrue();
        assertThat(as(otherFollower, () -> follows.isFollowing(ContentKey.initiative(parkInitiative)))).isTrue();
        assertThat(as(otherFollower, () -> follows.isFollowing(ContentKey.initiative(benchesInitiative)))).isTrue();
        assertThat(as(follower, () -> follows.isFollowing(ContentKey.initiative(benchesInitiative)))).isFalse();
        assertThat(as(follower, () -> follows.isFollowing(ContentKey.budgetProject(park)))).isTrue();

        // Again: every winner is already turned; nothing new, links unchanged.
        assertThat(as(staff, () -> results.createWinnerInitiatives(campaign, categoryId))).isZero();
        assertThat(fixture.count("select count(*) from initiative where origin_budget_project_id in (?, ?)", park, benches)).isEqualTo(2);
        assertThat(anonymously(() -> results.initiativeOf(park))).contains(parkInitiative);
    }

    @Test
    void residentsAndVisitorsMayNotTurnWinners() {
        long envelope = fixture.envelope(campaign, null, 100_000_00L);
        long park = fixture.project(campaign, envelope, "Un jardin partagé au centre", 10_000_00L, "SELECTED");
        counted();

        assertThatThrownBy(() -> as(fixture.resident(), () -> results.createWinnerInitiatives(campaign, categoryId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymously(() -> results.createWinnerInitiatives(campaign, categoryId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(anonymously(() -> results.initiativeOf(park))).isEmpty();
        assertThat(as(fixture.resident(), () -> results.mayCreateInitiatives())).isFalse();
        assertThat(as(staff, () -> results.mayCreateInitiatives())).isTrue();
    }

    private void counted() {
        fixture.jdbc().sql("update budget_campaign set counted_at = now() where id = ?").param(campaign).update();
    }
}
