package org.participe.budget;

import java.util.List;

/**
 * The count of one envelope ({@code neighbourhoodName} null: the whole town): ballots, money spent,
 * its projects by votes (more first) and the explanation of the rule.
 */
public record EnvelopeResult(long envelopeId, String neighbourhoodName, long amountCents, int ballots, long spentCents,
        List<CountedProject> projects, CountExplanation explanation) {

    public EnvelopeResult {
        projects = List.copyOf(projects);
    }
}
