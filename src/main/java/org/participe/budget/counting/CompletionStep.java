package org.participe.budget.counting;

/**
 * One run of the completion: the Method of Equal Shares with {@code perVoterBudget} per voter (euro
 * cents, exact), the total cost of what it funded, and whether that outcome was kept (it fits in
 * the real envelope) or not (it does not: the completion stops and keeps the previous one).
 */
public record CompletionStep(int step, Fraction perVoterBudget, long outcomeCost, boolean kept) {
}
