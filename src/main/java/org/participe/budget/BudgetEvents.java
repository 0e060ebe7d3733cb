package org.participe.budget;

/** What happens to citizens' budget campaigns; followers are notified. */
public final class BudgetEvents {

    private BudgetEvents() {
    }

    /**
     * A published campaign entered a new phase (told once per campaign and phase, whatever the number
     * of instances: the phase job's conditional update lets one instance only publish it).
     */
    public record CampaignPhaseChanged(long campaignId, String campaignTitle, BudgetPhase phase) {
    }
}
