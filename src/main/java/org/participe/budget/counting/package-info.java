/**
 * The counting of a citizens' budget (budget participatif) envelope: pure Java, no Spring, JPA or
 * Vaadin, so that the campaign, ballot and results code of the {@code budget} module, its tests and
 * anyone recomputing a result call the same rules.
 * <p>
 * Words: an {@link org.participe.budget.counting.Instance} is one envelope (enveloppe) with its
 * projects (projets) and approval ballots (bulletins); the count (dépouillement) names the winners
 * (lauréats). Amounts are whole <b>euro cents</b> ({@code long}); shares and payments that are not
 * whole cents are exact {@link org.participe.budget.counting.Fraction}s: no floating point anywhere.
 * <p>
 * Two rules, both with their explanation as data for the results page:
 * {@link org.participe.budget.counting.GreedyCount} (greedy by votes) and
 * {@link org.participe.budget.counting.EqualSharesCount} (Method of Equal Shares with cost
 * satisfaction, completion and greedy fill). {@link org.participe.budget.counting.Pabulib} writes and
 * reads the open {@code .pb} format so that anyone can recompute. The exact rules are in
 * {@code docs/BUDGET_COUNTING.md}.
 */
@NamedInterface("counting")
package org.participe.budget.counting;

import org.springframework.modulith.NamedInterface;
