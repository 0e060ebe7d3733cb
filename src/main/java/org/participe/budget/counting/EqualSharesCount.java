package org.participe.budget.counting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Method of Equal Shares (méthode des parts égales) for approval ballots with cost satisfaction
 * (a voter's utility from a funded project she approved is its cost), with the completion of
 * equalshares.net and a greedy fill. All arithmetic is exact ({@link Fraction}); the full rule, in
 * words anyone can recompute by hand, is in {@code docs/BUDGET_COUNTING.md}. In short:
 * <ol>
 * <li><b>Run with a share {@code b} per voter.</b> Each of the {@code n} ballots (empty ones too)
 * starts with {@code b}. A project is affordable when its supporters hold at least its cost
 * together. For an affordable project, its maximum payment {@code p} is the smallest amount such
 * that its supporters paying {@code min(what they have, p)} each pay its cost exactly, and
 * {@code ρ = p / cost}. Each round funds the affordable project with the smallest ρ (ties: more
 * votes, then lower cost, then the caller's order); its supporters pay {@code min(what they have,
 * p)}. The run ends when no project is affordable.</li>
 * <li><b>Completion.</b> The first run uses {@code b₀ = envelope / n}. While some project with votes
 * that was not funded would still fit in what the outcome leaves of the envelope, the run is redone
 * with {@code bₖ = b₀ × (100 + k) / 100} (the share raised by 1 % of {@code b₀} at each step,
 * k = 1, 2…); an outcome that costs no more than the envelope is kept and the completion goes on;
 * the first that costs more stops it, and the last kept outcome stands. It also stops once the
 * kept share reaches the total cost of all projects with votes: every voter can then pay for all
 * she approved, every project with votes is funded, and more money changes nothing.</li>
 * <li><b>Greedy fill.</b> What the kept outcome leaves of the envelope funds, greedily by votes
 * ({@link GreedyCount}'s rule), the projects with votes it did not fund.</li>
 * </ol>
 * Speed: identical ballots are counted once with their number, and the voters whose remaining
 * money is equal are handled as one class, so a round costs a few passes over the classes and
 * over the ballots of the funded project's supporters.
 */
public final class EqualSharesCount {

    /** The completion raises the share by 1/{@value} of the first share at each step. */
    static final int STEPS_PER_SHARE = 100;

    private EqualSharesCount() {
    }

    public static EqualSharesResult count(Instance instance) {
        Profile profile = new Profile(instance);
        long budget = instance.budget();
        Fraction share = profile.voters == 0 ? Fraction.ZERO : Fraction.of(budget, profile.voters);
        long approvedCost = 0;
        for (int j = 0; j < profile.projectCount; j++) {
            if (profile.votes[j] > 0) {
                approvedCost += profile.cost[j];
            }
        }
        Fraction enoughForAll = Fraction.of(approvedCost);
        Map<BitSet, Profile.Restriction> restrictions = new HashMap<>();
        List<CompletionStep> steps = new ArrayList<>();
        Run kept = run(profile, restrictions, share, false);
        steps.add(new CompletionStep(0, share, kept.cost, true));
        for (int k = 1; share.signum() > 0 && !exhaustive(profile, kept, budget)
                && kept.share.compareTo(enoughForAll) < 0; k++) {
            Fraction raised = share.multiply(STEPS_PER_SHARE + k).divide(STEPS_PER_SHARE);
            Run next = run(profile, restrictions, raised, false);
            boolean fits = next.cost <= budget;
            steps.add(new CompletionStep(k, raised, next.cost, fits));
            if (!fits) {
                break;
            }
            kept = next;
        }
        kept = run(profile, restrictions, kept.share, true);
        GreedyResult fill = GreedyCount.fill(profile, kept.funded, budget - kept.cost);
        List<String> equalSharesWinners = kept.funded.stream().map(profile::id).toList();
        List<String> winners = new ArrayList<>(equalSharesWinners);
        winners.addAll(fill.winners());
        List<UnaffordableProject> notFunded = kept.notFunded.stream()
                .map(u -> new UnaffordableProject(u.projectId(), u.cost(), u.votes(), u.supportersMoneyLeft(),
                        fill.winners().contains(u.projectId())))
                .toList();
        long spent = kept.cost + fill.spent();
        return new EqualSharesResult(winners, equalSharesWinners, fill.winners(), spent, budget - spent, share,
                kept.share, kept.rounds, notFunded, steps, fill);
    }

    /** One run with a fixed share per voter, without completion or fill (for checks by hand). */
    public static EqualSharesRun runWithShare(Instance instance, Fraction perVoterBudget) {
        Profile profile = new Profile(instance);
        Run run = run(profile, new HashMap<>(), perVoterBudget, true);
        return new EqualSharesRun(perVoterBudget, run.funded.stream().map(profile::id).toList(), run.cost, run.rounds,
                run.notFunded);
    }

    private static boolean exhaustive(Profile profile, Run run, long budget) {
        long left = budget - run.cost;
        for (int j = 0; j < profile.projectCount; j++) {
            if (profile.votes[j] > 0 && !run.funded.contains(j) && profile.cost[j] <= left) {
                return false;
            }
        }
        return true;
    }

    private record Run(Fraction share, List<Integer> funded, long cost, List<EqualSharesRound> rounds,
            List<UnaffordableProject> notFunded) {
    }

    /**
     * One run; {@code explain} adds what the unfunded projects' supporters hold at the end. A project
     * whose supporters hold less than its cost at the start can never be funded in this run (money
     * only goes down): it is left off the ballots, and the ballots that become identical are counted
     * as one group. The restrictions are kept for the next runs of the completion, which often leave
     * off the same projects.
     */
    private static Run run(Profile profile, Map<BitSet, Profile.Restriction> restrictions, Fraction share,
            boolean explain) {
        boolean[] reachable = new boolean[profile.projectCount];
        BitSet key = new BitSet(profile.projectCount);
        for (int j = 0; j < profile.projectCount; j++) {
            reachable[j] = profile.votes[j] > 0 && Fraction.of(profile.cost[j]).compareToProduct(share, profile.votes[j]) <= 0;
            key.set(j, reachable[j]);
        }
        Profile.Restriction restriction = restrictions.computeIfAbsent(key, k -> profile.restrictTo(reachable));
        return new Counting(profile, restriction, share, explain).run();
    }

    /**
     * One run, exact, made fast by two facts of the rule. First, a voter who has never had to pay all
     * she held still holds {@code b} minus the maximum payments of the funded projects she approved;
     * one who once paid all she held holds nothing. So the exact money of any set of voters is
     * {@code b × their number − Σ_r p_r × (how many of them approved round r's project)}: a sum over
     * the rounds, not over the voters, computed over one common denominator ({@link Ledger}).
     * Second, which supporters pay all they hold is found with each voter's money as a
     * {@code double} only where that approximation is certain: a voter whose approximate money is
     * further than {@link #TOLERANCE} × b from the payment is on its side for sure (the approximation
     * errs by less than 10⁻¹³ × b); one that close is compared exactly. Every decision, ρ, payment and
     * tie is therefore the exact one; the doubles only spare exact work.
     */
    private static final class Counting {

        /** Far larger than the error of a voter's approximate money, far smaller than real gaps. */
        private static final double TOLERANCE = 1e-9;

        private final Profile profile;
        private final Profile.Restriction restriction;
        private final Profile.Groups groups;
        private final Fraction share;
        private final boolean explain;
        private final double slack;
        private final boolean[] exhausted;
        private final double[] money;
        private final int[] roundOf;
        private final boolean[] open;
        private final Fraction[] lastRho;
        private final Ledger ledger;
        private final List<Integer> funded = new ArrayList<>();
        private int[] scratch = new int[16];
        private boolean[] poor = new boolean[16];

        Counting(Profile profile, Profile.Restriction restriction, Fraction share, boolean explain) {
            this.profile = profile;
            this.restriction = restriction;
            this.groups = restriction.groups();
            this.share = share;
            this.explain = explain;
            double shareApprox = approximate(share);
            slack = shareApprox * TOLERANCE;
            exhausted = new boolean[groups.size()];
            money = new double[groups.size()];
            Arrays.fill(money, shareApprox);
            int p = profile.projectCount;
            roundOf = new int[p];
            Arrays.fill(roundOf, -1);
            open = new boolean[p];
            lastRho = new Fraction[p];
            for (int j = 0; j < p; j++) {
                open[j] = groups.supporters[j].length > 0;
            }
            ledger = new Ledger(share);
        }

        Run run() {
            List<EqualSharesRound> rounds = new ArrayList<>();
            long cost = 0;
            while (true) {
                List<Integer> candidates = new ArrayList<>();
                for (int j = 0; j < profile.projectCount; j++) {
                    if (open[j]) {
                        candidates.add(j);
                    }
                }
                candidates.sort((a, b) -> {
                    if (lastRho[a] == null || lastRho[b] == null) {
                        return lastRho[a] == null ? (lastRho[b] == null ? profile.tieBreak(a, b) : -1) : 1;
                    }
                    int byRho = lastRho[a].compareTo(lastRho[b]);
                    return byRho != 0 ? byRho : profile.tieBreak(a, b);
                });
                int best = -1;
                Fraction bestRho = null;
                Fraction bestPayment = null;
                for (int j : candidates) {
                    // ρ never falls from one round to the next: once a project's last ρ exceeds the best
                    // found, neither it nor any later candidate can win this round.
                    if (best >= 0 && lastRho[j] != null && lastRho[j].compareTo(bestRho) > 0) {
                        break;
                    }
                    Fraction payment = maxPayment(j);
                    if (payment == null) {
                        open[j] = false;
                        continue;
                    }
                    Fraction rho = payment.divide(profile.cost[j]);
                    lastRho[j] = rho;
                    if (best < 0 || rho.compareTo(bestRho) < 0
                            || (rho.compareTo(bestRho) == 0 && profile.tieBreak(j, best) < 0)) {
                        best = j;
                        bestRho = rho;
                        bestPayment = payment;
                    }
                }
                if (best < 0) {
                    break;
                }
                open[best] = false;
                List<PaymentGroup> payments = pay(best, bestPayment);
                cost += profile.cost[best];
                rounds.add(new EqualSharesRound(rounds.size() + 1, profile.id(best), profile.cost[best],
                        profile.votes[best], bestPayment, bestRho,
                        Fraction.of(profile.cost[best]).divide(bestPayment), payments));
            }
            List<UnaffordableProject> notFunded = new ArrayList<>();
            if (explain) {
                for (int j = 0; j < profile.projectCount; j++) {
                    if (roundOf[j] < 0) {
                        notFunded.add(new UnaffordableProject(profile.id(j), profile.cost[j], profile.votes[j],
                                moneyOfSupporters(j), false));
                    }
                }
            }
            return new Run(share, List.copyOf(funded), cost, rounds, notFunded);
        }

        /** Project j's supporters who still hold money, into {@code scratch}; returns how many. */
        private int holders(int j) {
            int[] supporters = groups.supporters[j];
            if (scratch.length < supporters.length) {
                scratch = new int[supporters.length];
                poor = new boolean[supporters.length];
            }
            int n = 0;
            for (int g : supporters) {
                if (!exhausted[g]) {
                    scratch[n++] = g;
                }
            }
            return n;
        }

        /** What the holders {@code scratch[0..n)} hold together, exactly; only those with {@code poor[i]} when asked. */
        private Fraction exactMoney(int n, boolean onlyPoor) {
            long voters = 0;
            long[] approvals = new long[funded.size()];
            for (int i = 0; i < n; i++) {
                if (onlyPoor && !poor[i]) {
                    continue;
                }
                int g = scratch[i];
                long weight = groups.weight[g];
                voters += weight;
                for (int k : groups.projects[g]) {
                    if (roundOf[k] >= 0) {
                        approvals[roundOf[k]] += weight;
                    }
                }
            }
            return ledger.money(voters, approvals);
        }

        /** The exact money of one group that still holds some. */
        private Fraction exactMoney(int g) {
            long[] approvals = new long[funded.size()];
            for (int k : groups.projects[g]) {
                if (roundOf[k] >= 0) {
                    approvals[roundOf[k]] = 1;
                }
            }
            return ledger.money(1, approvals);
        }

        /** Compares a group's money with an exact amount whose approximation is {@code approx}. */
        private int compareMoney(int g, Fraction amount, double approx) {
            if (money[g] < approx - slack) {
                return -1;
            }
            if (money[g] > approx + slack) {
                return 1;
            }
            return exactMoney(g).compareTo(amount);
        }

        /**
         * The smallest p such that project j's supporters, each paying min(what they hold, p), pay its
         * cost exactly; null when they hold less than its cost together. The supporters who pay all
         * they hold are guessed with the approximate money (water-filling), p is computed exactly
         * from that guess, and the guess is then checked exactly against p; a wrong guess (not seen in
         * practice) falls back to sorting the supporters by their exact money.
         */
        private Fraction maxPayment(int j) {
            int n = holders(j);
            long cost = profile.cost[j];
            double total = 0;
            long voters = 0;
            for (int i = 0; i < n; i++) {
                int g = scratch[i];
                total += groups.weight[g] * money[g];
                voters += groups.weight[g];
            }
            if (voters == 0) {
                return null;
            }
            // The sum's approximation errs by far less than this margin; closer than it, decide exactly.
            double margin = cost * 1e-6 + slack * voters;
            if (total < cost - margin || (total <= cost + margin && exactMoney(n, false).compareTo(Fraction.of(cost)) < 0)) {
                return null;
            }
            double guess = (double) cost / voters;
            Arrays.fill(poor, 0, n, false);
            long poorVoters = 0;
            for (int pass = 0; pass < 64; pass++) {
                double poorMoney = 0;
                long counted = 0;
                for (int i = 0; i < n; i++) {
                    int g = scratch[i];
                    if (money[g] < guess) {
                        poor[i] = true;
                        poorMoney += groups.weight[g] * money[g];
                        counted += groups.weight[g];
                    }
                }
                if (counted == poorVoters && pass > 0 || counted == voters) {
                    break;
                }
                poorVoters = counted;
                guess = (cost - poorMoney) / (voters - counted);
            }
            long payers = 0;
            for (int i = 0; i < n; i++) {
                if (!poor[i]) {
                    payers += groups.weight[scratch[i]];
                }
            }
            if (payers > 0) {
                Fraction payment = Fraction.of(cost).subtract(exactMoney(n, true)).divide(payers);
                if (agrees(n, payment)) {
                    return payment;
                }
            }
            return maxPaymentBySorting(n, cost);
        }

        /** Whether every guessed poor supporter holds at most {@code payment}, and every other at least. */
        private boolean agrees(int n, Fraction payment) {
            double approx = approximate(payment);
            for (int i = 0; i < n; i++) {
                int side = compareMoney(scratch[i], payment, approx);
                if (poor[i] ? side > 0 : side < 0) {
                    return false;
                }
            }
            return true;
        }

        private Fraction maxPaymentBySorting(int n, long cost) {
            List<Fraction> held = new ArrayList<>();
            List<Long> weights = new ArrayList<>();
            Integer[] order = new Integer[n];
            Fraction[] exact = new Fraction[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                exact[i] = exactMoney(scratch[i]);
            }
            Arrays.sort(order, (a, b) -> exact[a].compareTo(exact[b]));
            for (int i : order) {
                held.add(exact[i]);
                weights.add(groups.weight[scratch[i]]);
            }
            Fraction toPay = Fraction.of(cost);
            long payers = weights.stream().mapToLong(Long::longValue).sum();
            for (int i = 0; i < held.size(); i++) {
                if (toPay.compareToProduct(held.get(i), payers) > 0) {
                    toPay = toPay.subtract(held.get(i).multiply(weights.get(i)));
                    payers -= weights.get(i);
                } else {
                    return toPay.divide(payers);
                }
            }
            return null;
        }

        private List<PaymentGroup> pay(int j, Fraction payment) {
            int n = holders(j);
            double approx = approximate(payment);
            Map<Fraction, long[]> paid = new HashMap<>();
            long payingInFull = 0;
            for (int i = 0; i < n; i++) {
                int g = scratch[i];
                long weight = groups.weight[g];
                if (compareMoney(g, payment, approx) <= 0) {
                    if (explain) {
                        paid.computeIfAbsent(exactMoney(g), a -> new long[1])[0] += weight;
                    }
                    exhausted[g] = true;
                    money[g] = 0;
                } else {
                    payingInFull += weight;
                    money[g] -= approx;
                }
            }
            roundOf[j] = funded.size();
            funded.add(j);
            ledger.add(payment);
            if (!explain) {
                return List.of();
            }
            if (payingInFull > 0) {
                paid.computeIfAbsent(payment, a -> new long[1])[0] += payingInFull;
            }
            List<PaymentGroup> groupsPaid = new ArrayList<>();
            paid.forEach((amount, voters) -> {
                if (amount.signum() > 0) {
                    groupsPaid.add(new PaymentGroup(amount, voters[0], amount.compareTo(payment) < 0));
                }
            });
            groupsPaid.sort((a, b) -> b.amount().compareTo(a.amount()));
            return groupsPaid;
        }

        /** What project j's supporters hold together now (all of them, from the unrestricted ballots). */
        private Fraction moneyOfSupporters(int j) {
            Profile.Groups all = profile.groups;
            long voters = 0;
            long[] approvals = new long[funded.size()];
            for (int g : all.supporters[j]) {
                if (exhausted[restriction.of()[g]]) {
                    continue;
                }
                long weight = all.weight[g];
                voters += weight;
                for (int k : all.projects[g]) {
                    if (roundOf[k] >= 0) {
                        approvals[roundOf[k]] += weight;
                    }
                }
            }
            return ledger.money(voters, approvals);
        }
    }

    /**
     * The share and the maximum payments of the rounds so far as whole numerators over one common
     * denominator, so that {@code b × voters − Σ_r p_r × approvals_r} costs integer products only.
     */
    private static final class Ledger {
        private BigInteger denominator;
        private BigInteger share;
        private final List<BigInteger> payments = new ArrayList<>();

        Ledger(Fraction share) {
            this.denominator = share.denominator();
            this.share = share.numerator();
        }

        void add(Fraction payment) {
            BigInteger gcd = denominator.gcd(payment.denominator());
            BigInteger scaleOld = payment.denominator().divide(gcd);
            if (!scaleOld.equals(BigInteger.ONE)) {
                denominator = denominator.multiply(scaleOld);
                share = share.multiply(scaleOld);
                payments.replaceAll(p -> p.multiply(scaleOld));
            }
            payments.add(payment.numerator().multiply(denominator.divide(payment.denominator())));
        }

        Fraction money(long voters, long[] approvals) {
            BigInteger total = share.multiply(BigInteger.valueOf(voters));
            for (int r = 0; r < approvals.length; r++) {
                if (approvals[r] != 0) {
                    total = total.subtract(payments.get(r).multiply(BigInteger.valueOf(approvals[r])));
                }
            }
            return Fraction.of(total, denominator);
        }
    }

    /** A double within a few units in the last place of {@code value}, whatever the size of its parts. */
    private static double approximate(Fraction value) {
        BigInteger numerator = value.numerator();
        BigInteger denominator = value.denominator();
        int shiftNumerator = Math.max(0, numerator.bitLength() - 62);
        int shiftDenominator = Math.max(0, denominator.bitLength() - 62);
        double quotient = numerator.shiftRight(shiftNumerator).doubleValue()
                / denominator.shiftRight(shiftDenominator).doubleValue();
        return Math.scalb(quotient, shiftNumerator - shiftDenominator);
    }
}
