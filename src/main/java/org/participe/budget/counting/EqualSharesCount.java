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
 * Speed, without changing any result: identical ballots are counted once with their number;
 * projects out of their supporters' reach in a run are left off its ballots; the money of a set of
 * voters is a sum over the rounds (see {@link Counting}); and only the projects that may win a
 * round get their exact ρ. {@code docs/BUDGET_COUNTING.md} ("How the program counts fast") says why
 * each step is exact.
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
     * further than {@link #TOLERANCE} × b from the payment is on its side for sure (the
     * approximation errs by less than (rounds + 2) × 2⁻⁵⁰ × b); one that close is compared exactly.
     * Every decision, ρ, payment and tie is therefore the exact one; the doubles only spare exact
     * work.
     */
    private static final class Counting {

        /** Far larger than the error of a voter's approximate money, far smaller than real gaps. */
        private static final double TOLERANCE = 1e-9;

        private final Profile profile;
        private final Profile.Restriction restriction;
        private final Profile.Groups groups;
        private final Fraction share;
        private final boolean explain;
        private final double shareApprox;
        private final double slack;
        /**
         * For group g, {@code state[2g]} its approximate money (−1 once it has paid all it held) and
         * {@code state[2g + 1]} its number of voters: side by side, so that a pass over a project's
         * supporters reads one place per group.
         */
        private final double[] state;
        private final int[] roundOf;
        private final boolean[] open;
        /** A proven lower bound of each project's ρ; ρ never falls, so a bound found once stays one. */
        private final double[] lowRho;
        /** The approximate maximum payment found by the last {@link #estimate}. */
        private double estimated;
        private final Ledger ledger;
        private final List<Integer> funded = new ArrayList<>();
        private int[] scratch = new int[16];
        private boolean[] poor = new boolean[16];
        /** The holders' approximate money and number of voters, side by side for tight loops. */
        private double[] holderMoney = new double[16];
        private double[] holderWeight = new double[16];
        private long holderVoters;
        private double holderTotal;
        private int poorFrom;
        private long richVoters;
        private boolean filled;

        Counting(Profile profile, Profile.Restriction restriction, Fraction share, boolean explain) {
            this.profile = profile;
            this.restriction = restriction;
            this.groups = restriction.groups();
            this.share = share;
            this.explain = explain;
            shareApprox = approximate(share);
            slack = shareApprox * TOLERANCE;
            state = new double[2 * groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                state[2 * g] = shareApprox;
                state[2 * g + 1] = groups.weight[g];
            }
            int p = profile.projectCount;
            roundOf = new int[p];
            Arrays.fill(roundOf, -1);
            open = new boolean[p];
            lowRho = new double[p];
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
                    int byBound = Double.compare(lowRho[a], lowRho[b]);
                    return byBound != 0 ? byBound : profile.tieBreak(a, b);
                });
                // First, approximately: the project that seems best. Projects whose bound is already
                // clearly above its approximate ρ are not even estimated.
                int seemsBest = -1;
                double seemsBestRho = Double.POSITIVE_INFINITY;
                for (int j : candidates) {
                    if (seemsBest >= 0 && lowRho[j] > seemsBestRho * (1 + 1e-6)) {
                        break;
                    }
                    if (!estimate(j)) {
                        open[j] = false;
                        continue;
                    }
                    double rho = estimated / profile.cost[j];
                    if (rho < seemsBestRho) {
                        seemsBest = j;
                        seemsBestRho = rho;
                    }
                }
                if (seemsBest < 0) {
                    break;
                }
                // Then exactly: its ρ, and that of every project whose proven bound does not exclude it
                // from beating or tying it; ties are decided by the tie-break.
                int best = -1;
                Fraction bestRho = null;
                Fraction bestPayment = null;
                List<Integer> contenders = new ArrayList<>();
                contenders.add(seemsBest);
                int next = 0;
                while (next < contenders.size()) {
                    int j = contenders.get(next++);
                    if (!open[j]) {
                        continue;
                    }
                    Fraction payment = maxPayment(j);
                    if (payment == null) {
                        open[j] = false;
                        continue;
                    }
                    Fraction rho = payment.divide(profile.cost[j]);
                    lowRho[j] = Math.max(lowRho[j], approximate(rho) * (1 - 1e-12));
                    if (best < 0 || rho.compareTo(bestRho) < 0
                            || (rho.compareTo(bestRho) == 0 && profile.tieBreak(j, best) < 0)) {
                        best = j;
                        bestRho = rho;
                        bestPayment = payment;
                        double bound = approximate(bestRho) * (1 + 1e-12);
                        for (int k : candidates) {
                            if (open[k] && lowRho[k] <= bound && !contenders.contains(k)) {
                                contenders.add(k);
                            }
                        }
                    }
                }
                if (best < 0) {
                    // What seemed best is out of reach after all: it is closed, and the round starts again.
                    continue;
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

        /**
         * Project j's supporters who still hold money, into {@code scratch} (with their approximate money
         * and weight); returns how many, and sets {@link #holderVoters} and {@link #holderTotal}.
         */
        private int holders(int j) {
            int[] supporters = groups.supporters[j];
            if (scratch.length < supporters.length) {
                scratch = new int[supporters.length];
                poor = new boolean[supporters.length];
                holderMoney = new double[supporters.length];
                holderWeight = new double[supporters.length];
            }
            int n = 0;
            long voters = 0;
            double total = 0;
            for (int g : supporters) {
                double held = state[2 * g];
                if (held >= 0) {
                    double weight = state[2 * g + 1];
                    scratch[n] = g;
                    holderMoney[n] = held;
                    holderWeight[n] = weight;
                    voters += (long) weight;
                    total += weight * held;
                    n++;
                }
            }
            holderVoters = voters;
            holderTotal = total;
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
            if (state[2 * g] < approx - slack) {
                return -1;
            }
            if (state[2 * g] > approx + slack) {
                return 1;
            }
            return exactMoney(g).compareTo(amount);
        }

        /**
         * Whether project j is affordable (decided exactly), and if so its approximate maximum payment in
         * {@link #estimated} and a proven lower bound of its ρ in {@link #lowRho}: a payment {@code q}
         * is at most the exact one when the supporters paying min(what they hold, q) would not pay
         * more than the cost, which the approximate money shows for sure once its error is counted.
         */
        private boolean estimate(int j) {
            int n = holders(j);
            long cost = profile.cost[j];
            if (!affordable(n, cost)) {
                return false;
            }
            long voters = holderVoters;
            estimated = waterFill(n, cost, voters);
            double low = estimated * (1 - 1e-7);
            double paid = 0;
            // Once the guess has settled, every holder before poorFrom holds more than low.
            int from = 0;
            if (filled) {
                paid = richVoters * low;
                from = poorFrom;
            }
            for (int i = from; i < n; i++) {
                paid += holderWeight[i] * Math.min(holderMoney[i], low);
            }
            // Each approximate money errs by less than (rounds + 2) × 2⁻⁵⁰ × b; the sum by n × 2⁻⁵¹ of itself.
            double error = paid * 2 * n * 0x1p-52 + voters * (funded.size() + 2) * 0x1p-50 * shareApprox;
            if (paid + error <= cost) {
                lowRho[j] = Math.max(lowRho[j], low / cost * (1 - 1e-12));
            }
            return true;
        }

        /** Whether the holders {@code scratch[0..n)} hold at least {@code cost} together, decided exactly. */
        private boolean affordable(int n, long cost) {
            double total = holderTotal;
            long voters = holderVoters;
            if (voters == 0) {
                return false;
            }
            // The sum's approximation errs by far less than this margin; closer than it, decide exactly.
            double margin = cost * 1e-6 + slack * voters;
            return total > cost + margin || (total >= cost - margin && exactMoney(n, false).compareTo(Fraction.of(cost)) >= 0);
        }

        /**
         * Water-filling on the approximate money: moves to the end of the holders, and marks in
         * {@code poor}, those who seem to hold less than the payment, and returns the payment that seems
         * to make the others pay the rest; {@link #poorFrom} is where the poor start, and
         * {@link #filled} whether the guess settled (every holder before {@code poorFrom} holds at
         * least it).
         */
        private double waterFill(int n, long cost, long voters) {
            double guess = (double) cost / voters;
            Arrays.fill(poor, 0, n, false);
            double poorMoney = 0;
            long poorVoters = 0;
            int rich = n;
            filled = false;
            for (int pass = 0; pass < 64 && !filled; pass++) {
                boolean changed = false;
                for (int i = 0; i < rich;) {
                    if (holderMoney[i] < guess) {
                        poorMoney += holderWeight[i] * holderMoney[i];
                        poorVoters += (long) holderWeight[i];
                        rich--;
                        swapHolders(i, rich);
                        poor[rich] = true;
                        changed = true;
                    } else {
                        i++;
                    }
                }
                if (!changed) {
                    filled = true;
                } else if (poorVoters == voters) {
                    break;
                } else {
                    guess = (cost - poorMoney) / (voters - poorVoters);
                }
            }
            poorFrom = rich;
            richVoters = voters - poorVoters;
            return guess;
        }

        private void swapHolders(int a, int b) {
            int group = scratch[a];
            scratch[a] = scratch[b];
            scratch[b] = group;
            double held = holderMoney[a];
            holderMoney[a] = holderMoney[b];
            holderMoney[b] = held;
            double weight = holderWeight[a];
            holderWeight[a] = holderWeight[b];
            holderWeight[b] = weight;
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
            if (!affordable(n, cost)) {
                return null;
            }
            long voters = holderVoters;
            waterFill(n, cost, voters);
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
                    state[2 * g] = -1;
                } else {
                    payingInFull += weight;
                    state[2 * g] -= approx;
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
                if (state[2 * restriction.of()[g]] < 0) {
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
