package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        List<CompletionStep> steps = new ArrayList<>();
        Run kept = run(profile, share, false);
        steps.add(new CompletionStep(0, share, kept.cost, true));
        for (int k = 1; share.signum() > 0 && !exhaustive(profile, kept, budget)
                && kept.share.compareTo(enoughForAll) < 0; k++) {
            Fraction raised = share.multiply(STEPS_PER_SHARE + k).divide(STEPS_PER_SHARE);
            Run next = run(profile, raised, false);
            boolean fits = next.cost <= budget;
            steps.add(new CompletionStep(k, raised, next.cost, fits));
            if (!fits) {
                break;
            }
            kept = next;
        }
        kept = run(profile, kept.share, true);
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
        Run run = run(profile, perVoterBudget, true);
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

    /** One run; {@code explain} adds what the unfunded projects' supporters hold at the end. */
    private static Run run(Profile profile, Fraction share, boolean explain) {
        return new Counting(profile, share, explain).run();
    }

    /**
     * One run. Voters (groups of identical ballots) belong to a class: the classes are the distinct
     * amounts of money voters still hold; class 0 holds nothing. {@code held.get(c)[j]} is the number of
     * project j's supporters in class c, kept up to date as supporters pay.
     */
    private static final class Counting {

        private final Profile profile;
        private final Fraction share;
        private final boolean explain;
        private final List<Fraction> classValue = new ArrayList<>();
        private final Map<Fraction, Integer> classOf = new HashMap<>();
        private final int[] groupClass;
        private long[] population = new long[8];
        /** {@code held.get(c)[j]}: how many of project j's supporters are in class c. */
        private final List<long[]> held = new ArrayList<>();
        private final boolean[] open;
        private final Fraction[] lastRho;

        Counting(Profile profile, Fraction share, boolean explain) {
            this.profile = profile;
            this.share = share;
            this.explain = explain;
            int p = profile.projectCount;
            open = new boolean[p];
            lastRho = new Fraction[p];
            classOf(Fraction.ZERO);
            int first = classOf(share);
            groupClass = new int[profile.groupProjects.length];
            Arrays.fill(groupClass, first);
            population[first] = profile.voters;
            for (int j = 0; j < p; j++) {
                held.get(first)[j] = profile.votes[j];
                open[j] = profile.votes[j] > 0;
            }
        }

        private int classOf(Fraction value) {
            Integer known = classOf.get(value);
            if (known != null) {
                return known;
            }
            int id = classValue.size();
            classValue.add(value);
            classOf.put(value, id);
            held.add(new long[profile.projectCount]);
            if (id >= population.length) {
                population = Arrays.copyOf(population, population.length * 2);
            }
            return id;
        }

        Run run() {
            List<Integer> funded = new ArrayList<>();
            List<EqualSharesRound> rounds = new ArrayList<>();
            long cost = 0;
            while (true) {
                int[] classesUp = ascendingClasses();
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
                    Fraction payment = maxPayment(j, classesUp);
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
                funded.add(best);
                cost += profile.cost[best];
                rounds.add(new EqualSharesRound(rounds.size() + 1, profile.id(best), profile.cost[best],
                        profile.votes[best], bestPayment, bestRho,
                        Fraction.of(profile.cost[best]).divide(bestPayment), payments));
            }
            List<UnaffordableProject> notFunded = new ArrayList<>();
            if (explain) {
                for (int j = 0; j < profile.projectCount; j++) {
                    if (!funded.contains(j)) {
                        notFunded.add(new UnaffordableProject(profile.id(j), profile.cost[j], profile.votes[j],
                                moneyOfSupporters(j), false));
                    }
                }
            }
            return new Run(share, funded, cost, rounds, notFunded);
        }

        /** What project j's supporters hold together now. */
        private Fraction moneyOfSupporters(int j) {
            Map<Integer, long[]> byClass = new HashMap<>();
            for (int g : profile.supporters[j]) {
                byClass.computeIfAbsent(groupClass[g], c -> new long[1])[0] += profile.groupWeight[g];
            }
            Fraction money = Fraction.ZERO;
            for (Map.Entry<Integer, long[]> entry : byClass.entrySet()) {
                money = money.add(classValue.get(entry.getKey()).multiply(entry.getValue()[0]));
            }
            return money;
        }

        /** Classes of voters holding some money, poorest first. */
        private int[] ascendingClasses() {
            List<Integer> classes = new ArrayList<>();
            for (int c = 1; c < classValue.size(); c++) {
                if (population[c] > 0) {
                    classes.add(c);
                }
            }
            classes.sort((a, b) -> classValue.get(a).compareTo(classValue.get(b)));
            return classes.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The smallest p such that project j's supporters, each paying min(what they hold, p), pay its
         * cost exactly; null when they hold less than its cost together.
         */
        private Fraction maxPayment(int j, int[] classesUp) {
            Fraction toPay = Fraction.of(profile.cost[j]);
            long payers = profile.votes[j] - held.get(0)[j];
            for (int c : classesUp) {
                long n = held.get(c)[j];
                if (n == 0) {
                    continue;
                }
                Fraction value = classValue.get(c);
                if (toPay.compareToProduct(value, payers) > 0) {
                    // Even paying all they hold, this class leaves the others more than its value each.
                    toPay = toPay.subtract(value.multiply(n));
                    payers -= n;
                } else {
                    return toPay.divide(payers);
                }
            }
            return null;
        }

        private List<PaymentGroup> pay(int j, Fraction payment) {
            int classes = classValue.size();
            int[] after = new int[classes];
            Map<Fraction, long[]> paid = new LinkedHashMap<>();
            for (int c = 0; c < classes; c++) {
                long supporters = held.get(c)[j];
                if (supporters == 0) {
                    after[c] = c;
                    continue;
                }
                Fraction value = classValue.get(c);
                boolean all = value.compareTo(payment) <= 0;
                Fraction amount = all ? value : payment;
                after[c] = classOf(all ? Fraction.ZERO : value.subtract(payment));
                if (amount.signum() > 0) {
                    paid.computeIfAbsent(amount, a -> new long[1])[0] += supporters;
                }
            }
            for (int g : profile.supporters[j]) {
                int from = groupClass[g];
                int to = after[from];
                if (from == to) {
                    continue;
                }
                long weight = profile.groupWeight[g];
                population[from] -= weight;
                population[to] += weight;
                long[] fromRow = held.get(from);
                long[] toRow = held.get(to);
                for (int k : profile.groupProjects[g]) {
                    // Closed projects (funded, or out of their supporters' reach for good) are never looked at again.
                    if (open[k]) {
                        fromRow[k] -= weight;
                        toRow[k] += weight;
                    }
                }
                groupClass[g] = to;
            }
            List<PaymentGroup> groups = new ArrayList<>();
            paid.forEach((amount, voters) -> groups.add(new PaymentGroup(amount, voters[0], amount.compareTo(payment) < 0)));
            groups.sort((a, b) -> b.amount().compareTo(a.amount()));
            return groups;
        }
    }
}
