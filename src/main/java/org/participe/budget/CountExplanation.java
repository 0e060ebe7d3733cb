package org.participe.budget;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Why each project of an envelope won or lost, as the count wrote it (budget_result.explanation, in
 * JSON): for greedy by votes, each project in the order of the pass with what remained; for the
 * Method of Equal Shares, the shares of the completion, each round with what the supporters paid,
 * what the supporters of each unfunded project held at the end, and the greedy fill. Amounts are euro
 * cents; shares and payments are exact fractions written {@code "numerator/denominator"} (see
 * {@link #cents(String)}). Project ids are the projects' numbers as text.
 */
public record CountExplanation(String rule, List<Step> steps, String moneyRanOutAt, String initialShare, String keptShare,
        List<Round> rounds, List<Unfunded> notFunded, List<Completion> completion, List<Step> fillSteps) {

    public static final String GREEDY = "GREEDY";
    public static final String EQUAL_SHARES = "EQUAL_SHARES";

    public CountExplanation {
        steps = steps == null ? List.of() : List.copyOf(steps);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        notFunded = notFunded == null ? List.of() : List.copyOf(notFunded);
        completion = completion == null ? List.of() : List.copyOf(completion);
        fillSteps = fillSteps == null ? List.of() : List.copyOf(fillSteps);
    }

    /** A project as a greedy pass met it; {@code decision} is FUNDED, DOES_NOT_FIT or NO_VOTES. */
    public record Step(String project, long votes, long cost, String decision, long remainingAfter) {
    }

    /** A round of Equal Shares: the project funded, its ρ and maximum payment, and who paid what. */
    public record Round(int round, String project, long cost, long votes, String maxPayment, String rho, String effectiveVotes,
            List<Payment> payments) {
    }

    /** Supporters who paid the same amount: the maximum payment, or all they had left. */
    public record Payment(String amount, long voters, boolean allTheyHad) {
    }

    /** A project Equal Shares did not fund: what its supporters held together at the end, against its cost. */
    public record Unfunded(String project, long cost, long votes, String supportersMoneyLeft, boolean fundedByFill) {
    }

    /** A run of the completion with a share per voter, its outcome's cost, and whether it was kept. */
    public record Completion(int step, String share, long outcomeCost, boolean kept) {
    }

    /** An exact amount of cents as written here ("n/d" or "n"), in euros rounded to the cent for display. */
    public static BigDecimal euros(String exactCents) {
        return cents(exactCents).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** An exact fraction as written here, as a decimal with six places (for ρ and effective votes). */
    public static BigDecimal cents(String exact) {
        int slash = exact.indexOf('/');
        if (slash < 0) {
            return new BigDecimal(exact);
        }
        return new BigDecimal(new BigInteger(exact.substring(0, slash)))
                .divide(new BigDecimal(new BigInteger(exact.substring(slash + 1))), 6, RoundingMode.HALF_EVEN);
    }
}
