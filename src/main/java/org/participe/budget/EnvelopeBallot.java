package org.participe.budget;

import java.util.List;
import java.util.Set;

/**
 * One envelope's ballot for the current person: the envelope ({@code neighbourhoodName} null for the
 * whole town), its feasible projects in the person's random order, and what the person chose so far
 * with the receipt of their last cast (both empty before a first cast).
 */
public record EnvelopeBallot(long envelopeId, Long neighbourhoodId, String neighbourhoodName, long amountCents,
        List<BallotProject> projects, Set<Long> myChoices, String receipt) {

    public EnvelopeBallot {
        projects = List.copyOf(projects);
        myChoices = Set.copyOf(myChoices);
    }

    public boolean cast() {
        return receipt != null;
    }
}
