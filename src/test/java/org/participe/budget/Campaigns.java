package org.participe.budget;

import java.time.LocalDate;
import java.util.List;

import org.participe.base.TownZone;

/** Campaign drafts for tests, dated around today (town time) so that the campaign is in the phase asked for. */
public final class Campaigns {

    private Campaigns() {
    }

    public static CampaignDraft in(BudgetPhase phase, String title, long wholeTownEuros) {
        return in(phase, title, List.of(new EnvelopeDraft(null, wholeTownEuros)));
    }

    public static CampaignDraft in(BudgetPhase phase, String title, List<EnvelopeDraft> envelopes) {
        LocalDate today = LocalDate.now(TownZone.zone());
        int shift = switch (phase) {
            case UPCOMING -> 10;
            case SUBMISSION -> 0;
            case REVIEW -> -15;
            case VOTE -> -30;
            case RESULTS, IMPLEMENTATION -> -60;
        };
        LocalDate submission = today.minusDays(5).plusDays(shift);
        return new CampaignDraft(title, "Règlement de la campagne : des projets d’investissement, pour tous les habitants.", envelopes,
                submission, submission.plusDays(15), submission.plusDays(30), submission.plusDays(45),
                phase == BudgetPhase.IMPLEMENTATION ? today.minusDays(2) : null, 16, BallotKind.WITHIN_BUDGET, null,
                CountingRule.EQUAL_SHARES, true);
    }
}
