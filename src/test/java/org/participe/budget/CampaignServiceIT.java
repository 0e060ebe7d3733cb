package org.participe.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.follows.FollowService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Campaigns on a real PostgreSQL: who writes them, what is checked, who sees drafts, what is fixed once the vote opens. */
@SpringBootTest
class CampaignServiceIT {

    @Autowired CampaignService campaigns;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired FollowService follows;

    ParticipeUser staff;
    ParticipeUser resident;
    long neighbourhood;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        staff = data.confirmedAccount("budget-staff", Roles.STAFF);
        resident = data.confirmedAccount("budget-resident", Roles.RESIDENT);
        neighbourhood = anonymously(() -> town.activeNeighbourhoods()).getFirst().id();
    }

    @Test
    void staffWriteACampaignWhoseDaysAreTheTownsAndWhosePhaseComesFromThem() {
        CampaignDraft draft = Campaigns.in(BudgetPhase.SUBMISSION, "Budget participatif de test",
                List.of(new EnvelopeDraft(null, 200_000L), new EnvelopeDraft(neighbourhood, 30_000L)));
        long id = as(staff, () -> campaigns.create(draft));

        CampaignDetail campaign = anonymously(() -> campaigns.detail(id)).orElseThrow();
        assertThat(campaign.phase()).isEqualTo(BudgetPhase.SUBMISSION);
        assertThat(campaign.voteOpensAt()).isEqualTo(draft.voteFrom().atStartOfDay(TownZone.zone()).toInstant());
        assertThat(campaign.voteClosesAt()).as("the last day of the vote is included")
                .isEqualTo(draft.voteUntil().plusDays(1).atStartOfDay(TownZone.zone()).toInstant());
        assertThat(campaign.voteUntil()).isEqualTo(draft.voteUntil());
        assertThat(campaign.envelopes()).extracting(Envelope::neighbourhoodId, Envelope::amountCents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 20_000_000L), org.assertj.core.groups.Tuple.tuple(neighbourhood, 3_000_000L));
        assertThat(campaign.timeline()).filteredOn(step -> step.when() == PhaseStep.When.CURRENT)
                .extracting(PhaseStep::phase).containsExactly(BudgetPhase.SUBMISSION);
        assertThat(campaign.can().propose()).isEqualTo(ProposeAccess.SIGN_IN);
        assertThat(as(resident, () -> campaigns.detail(id)).orElseThrow().can().propose()).isEqualTo(ProposeAccess.ALLOWED);
        assertThat(as(resident, () -> campaigns.detail(id)).orElseThrow().can().edit()).isFalse();
        assertThat(as(staff, () -> campaigns.detail(id)).orElseThrow().can().edit()).isTrue();
    }

    @Test
    void residentsAndVisitorsCannotWriteCampaigns() {
        CampaignDraft draft = Campaigns.in(BudgetPhase.SUBMISSION, "Budget interdit aux habitants", 1000L);
        assertThatThrownBy(() -> as(resident, () -> campaigns.create(draft))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymously(() -> campaigns.create(draft))).isInstanceOf(AccessDeniedException.class);
        long id = as(staff, () -> campaigns.create(draft));
        assertThatThrownBy(() -> as(resident, () -> campaigns.update(id, draft, 0))).isInstanceOf(AccessDeniedException.class);
        ParticipeUser admin = data.confirmedAccount("budget-admin", Roles.ADMIN);
        as(admin, () -> campaigns.update(id, draft, 0));
    }

    @Test
    void everyMistakeIsReportedOnItsField() {
        LocalDate today = LocalDate.now();
        CampaignDraft wrong = new CampaignDraft("Bud", "trop court", List.of(new EnvelopeDraft(neighbourhood, 0L)),
                today, today, today.minusDays(1), today.minusDays(3), today.minusDays(4), 200, BallotKind.AT_MOST_K, null,
                CountingRule.GREEDY, false);

        assertThatThrownBy(() -> as(staff, () -> campaigns.create(wrong)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors()).containsOnlyKeys(
                        "title", "rules", "envelope." + neighbourhood, "wholeTown", "reviewFrom", "voteFrom", "voteUntil",
                        "implementationFrom", "minimumAge", "maxProjects"));
        CampaignDraft noDates = new CampaignDraft("Budget sans dates", "Un règlement assez long pour passer.",
                List.of(new EnvelopeDraft(null, 1000L)), null, null, null, null, null, null, null, null, null, false);
        assertThatThrownBy(() -> as(staff, () -> campaigns.create(noDates)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors())
                        .containsOnlyKeys("submissionFrom", "reviewFrom", "voteFrom", "voteUntil"));
    }

    @Test
    void draftsAreForStaffOnly() {
        CampaignDraft published = Campaigns.in(BudgetPhase.SUBMISSION, "Budget publié", 1000L);
        CampaignDraft draft = new CampaignDraft("Budget en brouillon", published.rules(), published.envelopes(), published.submissionFrom(),
                published.reviewFrom(), published.voteFrom(), published.voteUntil(), null, null, null, null, null, false);
        long publishedId = as(staff, () -> campaigns.create(published));
        long draftId = as(staff, () -> campaigns.create(draft));

        assertThat(anonymously(() -> campaigns.detail(draftId))).isEmpty();
        assertThat(as(resident, () -> campaigns.detail(draftId))).isEmpty();
        assertThat(as(staff, () -> campaigns.detail(draftId))).isPresent();
        assertThat(anonymously(() -> campaigns.list(0, 100))).extracting(CampaignCard::id).contains(publishedId).doesNotContain(draftId);
        assertThat(as(staff, () -> campaigns.list(0, 100))).extracting(CampaignCard::id).contains(publishedId, draftId);
        assertThat(anonymously(() -> campaigns.count())).isLessThan(as(staff, () -> campaigns.count()));
    }

    @Test
    void twoEditorsDoNotOverwriteEachOther() {
        CampaignDraft draft = Campaigns.in(BudgetPhase.SUBMISSION, "Budget disputé", 1000L);
        long id = as(staff, () -> campaigns.create(draft));
        long version = as(staff, () -> campaigns.detail(id)).orElseThrow().version();
        as(staff, () -> campaigns.update(id, draft, version));

        assertThatThrownBy(() -> as(staff, () -> campaigns.update(id, draft, version))).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void whatTheVoteDependsOnIsFixedOnceItHasOpened() {
        CampaignDraft draft = Campaigns.in(BudgetPhase.VOTE, "Budget en cours de vote", List.of(new EnvelopeDraft(null, 1000L)));
        long id = as(staff, () -> campaigns.create(draft));
        CampaignDetail campaign = as(staff, () -> campaigns.detail(id)).orElseThrow();
        assertThat(campaign.rulesFixed()).isTrue();
        assertThat(anonymously(() -> campaigns.detail(id)).orElseThrow().can().vote()).isTrue();

        CampaignDraft changed = new CampaignDraft(draft.title(), draft.rules(),
                List.of(new EnvelopeDraft(null, 2000L), new EnvelopeDraft(neighbourhood, 500L)), draft.submissionFrom(), draft.reviewFrom(),
                draft.voteFrom().plusDays(1), draft.voteUntil(), null, 16, BallotKind.AT_MOST_K, 3, CountingRule.GREEDY, true);
        assertThatThrownBy(() -> as(staff, () -> campaigns.update(id, changed, campaign.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors())
                        .containsOnlyKeys("ballotKind", "maxProjects", "countingRule", "wholeTown", "envelope." + neighbourhood, "voteFrom"));

        CampaignDraft longer = new CampaignDraft("Budget en cours de vote, prolongé", draft.rules(), draft.envelopes(), draft.submissionFrom(),
                draft.reviewFrom(), draft.voteFrom(), draft.voteUntil().plusDays(7), null, 16, draft.ballotKind(), null, draft.countingRule(), true);
        as(staff, () -> campaigns.update(id, longer, campaign.version()));
        assertThat(anonymously(() -> campaigns.detail(id)).orElseThrow().voteUntil()).isEqualTo(draft.voteUntil().plusDays(7));
    }

    @Test
    void afterTheCloseTheResultsAreLinkedAndNothingCanBeProposed() {
        long id = as(staff, () -> campaigns.create(Campaigns.in(BudgetPhase.RESULTS, "Budget terminé", 1000L)));
        CampaignDetail campaign = as(resident, () -> campaigns.detail(id)).orElseThrow();
        assertThat(campaign.phase()).isEqualTo(BudgetPhase.RESULTS);
        assertThat(campaign.can().results()).isTrue();
        assertThat(campaign.can().vote()).isFalse();
        assertThat(campaign.can().propose()).isEqualTo(ProposeAccess.CLOSED);
    }

    @Test
    void residentsFollowACampaign() {
        long id = as(staff, () -> campaigns.create(Campaigns.in(BudgetPhase.SUBMISSION, "Budget suivi", 1000L)));
        assertThat(as(resident, () -> campaigns.detail(id)).orElseThrow().can().follow()).isTrue();
        assertThat(anonymously(() -> campaigns.detail(id)).orElseThrow().can().follow()).isFalse();
        as(resident, () -> follows.follow(ContentKey.budgetCampaign(id)));
        assertThat(as(resident, () -> follows.isFollowing(ContentKey.budgetCampaign(id)))).isTrue();
    }
}
