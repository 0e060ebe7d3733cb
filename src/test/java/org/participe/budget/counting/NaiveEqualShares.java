package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second, deliberately plain implementation of the Method of Equal Shares, written from the rule's
 * text in docs/BUDGET_COUNTING.md: one exact budget per ballot, every project re-evaluated in every
 * round, no grouping of ballots, no classes, no project left off, no shortcut; the completion and the
 * greedy fill as plainly. The tests compare the fast count with it.
 */
final class NaiveEqualShares {

    /** One round: the project funded, its maximum payment and how many supporters paid each amount. */
    record Round(String projectId, Fraction maxPayment, Map<Fraction, Long> payments) {
    }

    /** The whole count: winners (rounds', then the fill's), the kept share, the money spent. */
    record Count(List<String> winners, List<String> equalSharesWinners, Fraction keptShare, long spent,
            List<Round> rounds) {
    }

    private NaiveEqualShares() {
    }

    static List<String> run(Instance instance, Fraction share) {
        return rounds(instance, share).stream().map(Round::projectId).toList();
    }

    static List<Round> rounds(Instance instance, Fraction share) {
        List<Project> projects = instance.projects();
        List<Set<String>> ballots = instance.ballots();
        Fraction[] money = new Fraction[ballots.size()];
        Arrays.fill(money, share);
        Map<String, Long> votes = instance.votes();
        List<String> funded = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        while (true) {
            int best = -1;
            Fraction bestRho = null;
            Fraction bestPayment = null;
            for (int j = 0; j < projects.size(); j++) {
                Project project = projects.get(j);
                if (funded.contains(project.id()) || votes.get(project.id()) == 0) {
                    continue;
                }
                List<Fraction> held = new ArrayList<>();
                Fraction total = Fraction.ZERO;
                for (int i = 0; i < ballots.size(); i++) {
                    if (ballots.get(i).contains(project.id())) {
                        held.add(money[i]);
                        total = total.add(money[i]);
                    }
                }
                if (total.compareTo(Fraction.of(project.cost())) < 0) {
                    continue;
                }
                held.sort(null);
                Fraction toPay = Fraction.of(project.cost());
                Fraction payment = null;
                for (int i = 0; i < held.size(); i++) {
                    Fraction even = toPay.divide(held.size() - i);
                    if (even.compareTo(held.get(i)) <= 0) {
                        payment = even;
                        break;
                    }
                    toPay = toPay.subtract(held.get(i));
                }
                Fraction rho = payment.divide(project.cost());
                if (best < 0 || rho.compareTo(bestRho) < 0 || (rho.compareTo(bestRho) == 0 && before(instance, votes, j, best))) {
                    best = j;
                    bestRho = rho;
                    bestPayment = payment;
                }
            }
            if (best < 0) {
                return rounds;
            }
            String id = projects.get(best).id();
            Map<Fraction, Long> payments = new HashMap<>();
            for (int i = 0; i < ballots.size(); i++) {
                if (ballots.get(i).contains(id)) {
                    Fraction paid = money[i].min(bestPayment);
                    money[i] = money[i].subtract(paid);
                    if (paid.signum() > 0) {
                        payments.merge(paid, 1L, Long::sum);
                    }
                }
            }
            funded.add(id);
            rounds.add(new Round(id, bestPayment, payments));
        }
    }

    /** The completion step by step as the rule's text says it, then the greedy fill. */
    static Count count(Instance instance) {
        Map<String, Long> costs = new HashMap<>();
        instance.projects().forEach(p -> costs.put(p.id(), p.cost()));
        Map<String, Long> votes = instance.votes();
        long budget = instance.budget();
        int voters = instance.ballots().size();
        Fraction first = voters == 0 ? Fraction.ZERO : Fraction.of(budget, voters);
        long approvedCost = instance.projects().stream().filter(p -> votes.get(p.id()) > 0).mapToLong(Project::cost).sum();
        Fraction keptShare = first;
        List<Round> kept = rounds(instance, first);
        for (int k = 1; first.signum() > 0 && keptShare.compareTo(Fraction.of(approvedCost)) < 0; k++) {
            long left = budget - cost(kept, costs);
            List<String> funded = kept.stream().map(Round::projectId).toList();
            boolean complete = instance.projects().stream()
                    .noneMatch(p -> votes.get(p.id()) > 0 && !funded.contains(p.id()) && p.cost() <= left);
            if (complete) {
                break;
            }
            Fraction raised = first.multiply(100 + k).divide(100);
            List<Round> next = rounds(instance, raised);
            if (cost(next, costs) > budget) {
                break;
            }
            kept = next;
            keptShare = raised;
        }
        List<String> equalSharesWinners = kept.stream().map(Round::projectId).toList();
        List<String> winners = new ArrayList<>(equalSharesWinners);
        long left = budget - cost(kept, costs);
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < instance.projects().size(); j++) {
            order.add(j);
        }
        order.sort(Comparator.comparing((Integer j) -> -votes.get(instance.projects().get(j).id()))
                .thenComparing(j -> instance.projects().get(j).cost()).thenComparing(j -> j));
        for (int j : order) {
            Project project = instance.projects().get(j);
            if (votes.get(project.id()) > 0 && !winners.contains(project.id()) && project.cost() <= left) {
                winners.add(project.id());
                left -= project.cost();
            }
        }
        return new Count(winners, equalSharesWinners, keptShare, budget - left, kept);
    }

    private static long cost(List<Round> rounds, Map<String, Long> costs) {
        return rounds.stream().mapToLong(r -> costs.get(r.projectId())).sum();
    }

    private static boolean before(Instance instance, Map<String, Long> votes, int a, int b) {
        Project pa = instance.projects().get(a);
        Project pb = instance.projects().get(b);
        if (!votes.get(pa.id()).equals(votes.get(pb.id()))) {
            return votes.get(pa.id()) > votes.get(pb.id());
        }
        if (pa.cost() != pb.cost()) {
            return pa.cost() < pb.cost();
        }
        return a < b;
    }
}
