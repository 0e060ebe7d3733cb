package org.participe.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Images;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Projects on a real PostgreSQL: submitting during submission only, what is checked, and the feasibility review. */
@SpringBootTest
class ProjectServiceIT {

    @Autowired CampaignService campaigns;
    @Autowired ProjectService projects;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired List<PersonalData> personalData;

    ParticipeUser staff;
    ParticipeUser official;
    ParticipeUser author;
    ParticipeUser neighbour;
    long campaign;
    long wholeTown;
    long quarter;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        staff = data.confirmedAccount("project-staff", Roles.STAFF);
        official = data.confirmedAccount("project-official", Roles.OFFICIAL);
        author = data.confirmedAccount("project-author", Roles.RESIDENT);
        neighbour = data.confirmedAccount("project-neighbour", Roles.RESIDENT);
        long place = anonymously(() -> town.activeNeighbourhoods()).getFirst().id();
        campaign = as(staff, () -> campaigns.create(Campaigns.in(BudgetPhase.SUBMISSION, "Budget des projets",
                List.of(new EnvelopeDraft(null, 100_000L), new EnvelopeDraft(place, 20_000L)))));
        CampaignDetail detail = anonymously(() -> campaigns.detail(campaign)).orElseThrow();
        wholeTown = detail.envelopes().get(0).id();
        quarter = detail.envelopes().get(1).id();
    }

    private static byte[] photo() {
        try {
            return Images.greyPng(400, 300);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ProjectDraft draft(String title, long envelope, long euros) {
        return new ProjectDraft(title, "Une description suffisamment longue du projet proposé.", envelope, "Parc du Centre", euros, null, null);
    }

    @Test
    void aResidentProposesAProjectThatEveryoneReads() {
        long id = as(author, () -> projects.propose(campaign, new ProjectDraft("Des bancs ombragés au parc", "Huit bancs sous les tilleuls du parc, pour les anciens.",
                quarter, "Parc du Centre", 12_500L, photo(), "Les tilleuls du parc")));

        ProjectDetail project = anonymously(() -> projects.detail(id)).orElseThrow();
        assertThat(project.costCents()).isEqualTo(1_250_000L);
        assertThat(project.estimatedCostCents()).isEqualTo(1_250_000L);
        assertThat(project.status()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(project.envelope().id()).isEqualTo(quarter);
        assertThat(project.authorName()).isEqualTo("Person project-author");
        CampaignDetail detail = anonymously(() -> campaigns.detail(campaign)).orElseThrow();
        assertThat(project.reviewDueOn()).as("due when the vote opens").isEqualTo(detail.voteFrom());
        assertThat(project.hasPhoto()).isTrue();
        assertThat(anonymously(() -> projects.photo(id, true))).isPresent();
        assertThat(anonymously(() -> projects.list(campaign, new ProjectFilter(quarter, null), 0, 10))).extracting(ProjectCard::id).containsExactly(id);
        assertThat(anonymously(() -> projects.list(campaign, new ProjectFilter(wholeTown, null), 0, 10))).isEmpty();
        assertThat(anonymously(() -> projects.count(campaign, new ProjectFilter(null, ProjectStatus.SUBMITTED)))).isEqualTo(1);
        assertThat(anonymously(() -> projects.similar(campaign, "bancs ombragés"))).extracting(ProjectCard::id).containsExactly(id);

        assertThat(as(author, () -> projects.detail(id)).orElseThrow().can().edit()).isTrue();
        assertThat(as(neighbour, () -> projects.detail(id)).orElseThrow().can().edit()).isFalse();
        assertThat(as(neighbour, () -> projects.detail(id)).orElseThrow().can().review()).isFalse();
        assertThat(as(official, () -> projects.detail(id)).orElseThrow().can().review()).isTrue();

        assertThatThrownBy(() -> as(neighbour, () -> projects.setReviewDue(id, detail.voteFrom().minusDays(3)))).isInstanceOf(AccessDeniedException.class);
        as(official, () -> projects.setReviewDue(id, detail.voteFrom().minusDays(3)));
        assertThat(anonymously(() -> projects.detail(id)).orElseThrow().reviewDueOn()).isEqualTo(detail.voteFrom().minusDays(3));
    }

    @Test
    void everyMistakeIsReportedOnItsField() {
        long other = as(staff, () -> campaigns.create(Campaigns.in(BudgetPhase.SUBMISSION, "Une autre campagne", 5000L)));
        long foreignEnvelope = anonymously(() -> campaigns.detail(other)).orElseThrow().envelopes().getFirst().id();
        ProjectDraft wrong = new ProjectDraft("Court", "Trop court", foreignEnvelope, "x".repeat(201), 0L, null, null);

        assertThatThrownBy(() -> as(author, () -> projects.propose(campaign, wrong)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors())
                        .containsOnlyKeys("title", "description", "envelopeId", "location", "costEuros"));
    }

    @Test
    void onlyConfirmedResidentsProposeAndOnlyDuringSubmission() {
        ProjectDraft draft = draft("Un composteur partagé au quartier", wholeTown, 3000L);
        assertThatThrownBy(() -> anonymously(() -> projects.propose(campaign, draft))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> projects.propose(campaign, draft))).isInstanceOf(AccessDeniedException.class);
        ParticipeUser unconfirmed = Security.user(neighbour.accountId(), neighbour.getUsername(), false, Roles.UNCONFIRMED);
        assertThatThrownBy(() -> as(unconfirmed, () -> projects.propose(campaign, draft))).isInstanceOf(AccessDeniedException.class);

        long voting = as(staff, () -> campaigns.create(Campaigns.in(BudgetPhase.VOTE, "Budget déjà au vote", 5000L)));
        long votingEnvelope = anonymously(() -> campaigns.detail(voting)).orElseThrow().envelopes().getFirst().id();
        assertThatThrownBy(() -> as(author, () -> projects.propose(voting, draft("Un composteur partagé au quartier", votingEnvelope, 3000L))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors()).containsKey("campaign"));
    }

    @Test
    void theReviewIsPublicReasonedAndMayCorrectTheCost() {
        long id = as(author, () -> projects.propose(campaign, draft("Des arceaux vélo à la gare", wholeTown, 4000L)));
        long version = as(staff, () -> projects.detail(id)).orElseThrow().version();

        assertThatThrownBy(() -> as(neighbour, () -> projects.review(id, new ProjectReview(ProjectStatus.FEASIBLE, "Très bien vu.", null, null, null), version)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> projects.review(id, new ProjectReview(ProjectStatus.FEASIBLE, "", 6000L, "", null), version)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors()).containsOnlyKeys("answer", "costReason"));
        assertThatThrownBy(() -> as(staff, () -> projects.review(id, new ProjectReview(ProjectStatus.SELECTED, "Une réponse publique.", null, null, null), version)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors()).containsOnlyKeys("decision"));

        as(official, () -> projects.review(id, new ProjectReview(ProjectStatus.FEASIBLE, "Faisable : la gare a la place pour vingt arceaux.",
                6000L, "Pose comprise", null), version));
        ProjectDetail reviewed = anonymously(() -> projects.detail(id)).orElseThrow();
        assertThat(reviewed.status()).isEqualTo(ProjectStatus.FEASIBLE);
        assertThat(reviewed.costCents()).isEqualTo(600_000L);
        assertThat(reviewed.estimatedCostCents()).isEqualTo(400_000L);
        assertThat(reviewed.costReason()).isEqualTo("Pose comprise");
        assertThat(reviewed.reviewAnswer()).startsWith("Faisable");
        assertThat(reviewed.reviewerName()).isEqualTo("Person project-official");

        assertThatThrownBy(() -> as(staff, () -> projects.review(id, new ProjectReview(ProjectStatus.NOT_FEASIBLE, "Finalement non.", null, null, null), version)))
                .as("a second reviewer who read the old version").isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(as(author, () -> projects.detail(id)).orElseThrow().can().edit()).as("reviewed: the author no longer edits").isFalse();
    }

    @Test
    void aDuplicateIsMergedIntoAnotherProjectOfTheCampaign() {
        long first = as(author, () -> projects.propose(campaign, draft("Un jardin partagé aux Marais", wholeTown, 8000L)));
        long duplicate = as(neighbour, () -> projects.propose(campaign, draft("Un jardin partagé près des Marais", wholeTown, 9000L)));
        long duplicateVersion = as(staff, () -> projects.detail(duplicate)).orElseThrow().version();

        assertThatThrownBy(() -> as(staff, () -> projects.review(duplicate, new ProjectReview(ProjectStatus.MERGED, "Même idée que l’autre projet.",
                null, null, duplicate), duplicateVersion)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors()).containsOnlyKeys("mergedInto"));
        as(staff, () -> projects.review(duplicate, new ProjectReview(ProjectStatus.MERGED, "Même idée que l’autre projet.", null, null, first),
                duplicateVersion));

        ProjectDetail merged = anonymously(() -> projects.detail(duplicate)).orElseThrow();
        assertThat(merged.status()).isEqualTo(ProjectStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(first);
        assertThat(merged.mergedIntoTitle()).isEqualTo("Un jardin partagé aux Marais");
    }

    @Test
    void projectsAreReviewedOnlyBeforeTheVote() {
        long id = as(author, () -> projects.propose(campaign, draft("Une boîte à livres au marché", wholeTown, 1500L)));
        CampaignDetail before = as(staff, () -> campaigns.detail(campaign)).orElseThrow();
        CampaignDraft voting = Campaigns.in(BudgetPhase.VOTE, before.title(), List.of(new EnvelopeDraft(null, 100_000L)));
        as(staff, () -> campaigns.update(campaign, new CampaignDraft(voting.title(), voting.rules(), before.envelopes().stream()
                .map(e -> new EnvelopeDraft(e.neighbourhoodId(), e.amountCents() / 100)).toList(), voting.submissionFrom(), voting.reviewFrom(),
                voting.voteFrom(), voting.voteUntil(), null, 16, BallotKind.WITHIN_BUDGET, null, CountingRule.EQUAL_SHARES, true), before.version()));

        ProjectDetail project = as(staff, () -> projects.detail(id)).orElseThrow();
        assertThat(project.can().review()).isFalse();
        assertThatThrownBy(() -> as(staff, () -> projects.review(id, new ProjectReview(ProjectStatus.FEASIBLE, "Trop tard pour répondre.", null, null, null),
                project.version()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(author, () -> projects.edit(id, draft("Une boîte à livres au marché couvert", wholeTown, 1500L), project.version())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theAuthorCorrectsTheirProjectWhileItAwaitsReview() {
        long id = as(author, () -> projects.propose(campaign, draft("Des toilettes publiques au parc", wholeTown, 20_000L)));
        long version = as(author, () -> projects.detail(id)).orElseThrow().version();
        assertThatThrownBy(() -> as(neighbour, () -> projects.edit(id, draft("Des toilettes publiques au parc du Centre", wholeTown, 20_000L), version)))
                .isInstanceOf(AccessDeniedException.class);

        as(author, () -> projects.edit(id, draft("Des toilettes publiques au parc du Centre", quarter, 18_000L), version));
        ProjectDetail corrected = anonymously(() -> projects.detail(id)).orElseThrow();
        assertThat(corrected.title()).isEqualTo("Des toilettes publiques au parc du Centre");
        assertThat(corrected.envelope().id()).isEqualTo(quarter);
        assertThat(corrected.costCents()).isEqualTo(1_800_000L);
        assertThatThrownBy(() -> as(author, () -> projects.edit(id, draft("Des toilettes publiques au parc", wholeTown, 20_000L), version)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void anAuthorsProjectsAreInTheirDataAndLoseTheirTextWhenTheyAsk() {
        long id = as(author, () -> projects.propose(campaign, draft("Une table de ping-pong au square", wholeTown, 2500L)));
        PersonalData budget = personalData.stream()
                .filter(source -> source.export(author.accountId()).stream().anyMatch(set -> set.name().equals("budget-projects")))
                .findFirst().orElseThrow();
        PersonalDataSet exported = budget.export(author.accountId()).getFirst();
        assertThat(exported.rows()).hasSize(1);
        assertThat(exported.rows().getFirst()).contains("Une table de ping-pong au square");

        budget.erase(author.accountId(), true);
        ProjectDetail erased = anonymously(() -> projects.detail(id)).orElseThrow();
        assertThat(erased.title()).isNotEqualTo("Une table de ping-pong au square");
        assertThat(erased.location()).isNull();
        assertThat(erased.costCents()).as("what the vote counts stays").isEqualTo(250_000L);
    }
}
