package org.participe.budget.internal;

/** An envelope of a campaign: {@code neighbourhoodId} and {@code neighbourhoodName} are null for the whole town. */
public record EnvelopeRow(long id, Long neighbourhoodId, String neighbourhoodName, long amountCents) {
}
