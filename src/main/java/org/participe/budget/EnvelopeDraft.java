package org.participe.budget;

/** An envelope as staff write it: the whole town ({@code neighbourhoodId} null) or one neighbourhood, an amount in whole euros. */
public record EnvelopeDraft(Long neighbourhoodId, Long amountEuros) {
}
