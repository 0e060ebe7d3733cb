package org.participe.budget.counting;

import java.util.List;

/**
 * One round of the Method of Equal Shares: the project funded (the best value of the round), its
 * cost and votes, {@code maxPayment} the most any supporter paid (euro cents), {@code rho} the
 * payment per unit of utility ({@code maxPayment / cost} with cost satisfaction: the smallest among
 * the affordable projects), {@code effectiveVotes} ({@code cost / maxPayment}, the "effective vote
 * count" of equalshares.net: the number of votes if all supporters could still pay in full), and the
 * supporters' payments, grouped by amount.
 */
public record EqualSharesRound(int round, String projectId, long cost, long votes, Fraction maxPayment,
        Fraction rho, Fraction effectiveVotes, List<PaymentGroup> payments) {

    public EqualSharesRound {
        payments = List.copyOf(payments);
    }
}
