package org.participe.budget.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.participe.budget.CountExplanation;
import org.participe.budget.counting.EqualSharesCount;
import org.participe.budget.counting.EqualSharesResult;
import org.participe.budget.counting.Fraction;
import org.participe.budget.counting.GreedyCount;
import org.participe.budget.counting.GreedyResult;
import org.participe.budget.counting.GreedyStep;
import org.participe.budget.counting.Instance;
import org.participe.budget.counting.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts a campaign once its vote has closed, in one transaction: claims it (so that it is counted
 * once, whatever the instances and whoever asks: the job or staff), counts each envelope by the
 * campaign's rule over the projects on the ballot in the order of their numbers (the last tie-break,
 * docs/BUDGET_COUNTING.md), stores each result with its explanation, marks the projects selected or
 * not, and erases the campaign's ballot key and every voter key.
 */
@Component
public class BudgetCounter {

    private static final Logger log = LoggerFactory.getLogger(BudgetCounter.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final CountStore counts;
    private final BallotStore ballots;
    private final Clock clock;

    BudgetCounter(CountStore counts, BallotStore ballots, Clock clock) {
        this.counts = counts;
        this.ballots = ballots;
        this.clock = clock;
    }

    /** Counts the campaign if it is due; false when it is not (vote open, unpublished) or was counted already. */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean countIfDue(long campaignId) {
        Instant now = clock.instant();
        Optional<String> rule = counts.claim(campaignId, now);
        if (rule.isEmpty()) {
            return false;
        }
        int envelopes = 0;
        for (EnvelopeRow envelope : ballots.envelopes(campaignId)) {
            countEnvelope(envelope, rule.get());
            envelopes++;
        }
        counts.eraseKeys(campaignId);
        log.info("Citizens' budget: campaign {} counted ({} envelopes, rule {}), voter keys erased", campaignId, envelopes, rule.get());
        return true;
    }

    private void countEnvelope(EnvelopeRow envelope, String rule) {
        List<CountStore.CountProject> projects = counts.projects(envelope.id());
        Set<Long> onBallot = projects.stream().map(CountStore.CountProject::id).collect(Collectors.toSet());
        List<Set<String>> cast = new ArrayList<>();
        for (Set<Long> ballot : counts.ballots(envelope.id())) {
            // A choice of a project no longer on the ballot (withdrawn or hidden during the vote) is left out; the ballot still counts.
            Set<String> kept = new LinkedHashSet<>();
            ballot.stream().filter(onBallot::contains).sorted().forEach(id -> kept.add(Long.toString(id)));
            cast.add(kept);
        }
        Instance instance = new Instance(projects.stream().map(p -> new Project(Long.toString(p.id()), p.title(), p.costCents())).toList(),
                envelope.amountCents(), cast);
        Counted counted = count(instance, rule);
        Map<Long, Long> votes = new HashMap<>();
        instance.votes().forEach((id, n) -> votes.put(Long.parseLong(id), n));
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < counted.winners().size(); i++) {
            ranks.put(Long.parseLong(counted.winners().get(i)), i + 1);
        }
        counts.saveResult(new CountStore.StoredResult(envelope.id(), rule, cast.size(), counted.spent(),
                JSON.writeValueAsString(counted.explanation())), votes, ranks);
    }

    /** The winners in order, the money spent and the explanation of one envelope's count. */
    public record Counted(List<String> winners, long spent, CountExplanation explanation) {
    }

    /** Runs the rule ({@code GREEDY} or {@code EQUAL_SHARES}) on an instance; the same code serves the count and the open-data file. */
    public static Counted count(Instance instance, String rule) {
        if (CountExplanation.GREEDY.equals(rule)) {
            GreedyResult result = GreedyCount.count(instance);
            return new Counted(result.winners(), result.spent(), new CountExplanation(rule, steps(result.steps()),
                    result.moneyRanOutAt().orElse(null), null, null, null, null, null, null));
        }
        EqualSharesResult result = EqualSharesCount.count(instance);
        List<CountExplanation.Round> rounds = result.rounds().stream().map(r -> new CountExplanation.Round(r.round(), r.projectId(), r.cost(),
                r.votes(), exact(r.maxPayment()), exact(r.rho()), exact(r.effectiveVotes()),
                r.payments().stream().map(p -> new CountExplanation.Payment(exact(p.amount()), p.voters(), p.allTheyHad())).toList())).toList();
        List<CountExplanation.Unfunded> unfunded = result.notFunded().stream().map(u -> new CountExplanation.Unfunded(u.projectId(), u.cost(),
                u.votes(), exact(u.supportersMoneyLeft()), u.fundedByFill())).toList();
        List<CountExplanation.Completion> completion = result.completion().stream()
                .map(c -> new CountExplanation.Completion(c.step(), exact(c.perVoterBudget()), c.outcomeCost(), c.kept())).toList();
        return new Counted(result.winners(), result.spent(), new CountExplanation(rule, null, result.fill().moneyRanOutAt().orElse(null),
                exact(result.initialShare()), exact(result.keptShare()), rounds, unfunded, completion, steps(result.fill().steps())));
    }

    private static List<CountExplanation.Step> steps(List<GreedyStep> steps) {
        return steps.stream().map(s -> new CountExplanation.Step(s.projectId(), s.votes(), s.cost(), s.decision().name(), s.remainingAfter())).toList();
    }

    private static String exact(Fraction value) {
        return value.denominator().equals(java.math.BigInteger.ONE) ? value.numerator().toString()
                : value.numerator() + "/" + value.denominator();
    }

    /** Reads an explanation as the count wrote it. */
    public static CountExplanation explanation(String json) {
        return JSON.readValue(json, CountExplanation.class);
    }
}
