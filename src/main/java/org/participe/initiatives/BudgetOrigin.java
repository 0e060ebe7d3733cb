package org.participe.initiatives;

/**
 * The citizens' budget project an initiative continues, as the budget module tells it when it turns
 * a winning project into an initiative (the initiatives module reads no budget table): the project's
 * id, for the link to its page, and the campaign's title, for "Winner of Budget participatif 2026".
 */
public record BudgetOrigin(long projectId, String campaignTitle) {
}
