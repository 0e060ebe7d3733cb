package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A second, deliberately plain implementation of one Equal Shares run, written from the rule's text
 * in docs/BUDGET_COUNTING.md: one exact budget per ballot, every project re-evaluated in every round,
 * no grouping of ballots, no classes, no shortcut. The tests compare the fast count with it.
 */
final class NaiveEqualShares {

    private NaiveEqualShares() {
    }

    static List<String> run(Instance instance, Fraction share) {
        List<Project> projects = instance.projects();
        List<Set<String>> ballots = instance.ballots();
        Fraction[] money = new Fraction[ballots.size()];
        java.util.Arrays.fill(money, share);
        java.util.Map<String, Long> votes = instance.votes();
        List<String> funded = new ArrayList<>();
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
                if (best < 0 || rho.compareTo(bestRho) < 0 || (rho.compareTo(bestRho) == 0 && before(instance, j, best))) {
                    best = j;
                    bestRho = rho;
                    bestPayment = payment;
                }
            }
            if (best < 0) {
                return funded;
            }
            String id = projects.get(best).id();
            for (int i = 0; i < ballots.size(); i++) {
                if (ballots.get(i).contains(id)) {
                    money[i] = money[i].subtract(money[i].min(bestPayment));
                }
            }
            funded.add(id);
        }
    }

    private static boolean before(Instance instance, int a, int b) {
        java.util.Map<String, Long> votes = instance.votes();
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
