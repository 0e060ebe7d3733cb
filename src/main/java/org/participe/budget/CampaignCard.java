package org.participe.budget;

import java.time.LocalDate;

/** A campaign as the list shows it: its phase now and the dates of its vote. */
public record CampaignCard(long id, String title, String lang, BudgetPhase phase, boolean published,
                           LocalDate voteFrom, LocalDate voteUntil, long totalCents) {
}
