package org.participe.budget.counting;

/**
 * The supporters of a funded project who paid the same amount for it (euro cents, exact): either the
 * round's maximum payment, or, for those who had less left, all they had ({@code allTheyHad}).
 */
public record PaymentGroup(Fraction amount, long voters, boolean allTheyHad) {
}
