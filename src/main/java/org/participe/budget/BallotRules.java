package org.participe.budget;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a ballot may hold, as a plain rule the server applies to every cast (the page only helps):
 * projects of the envelope that are feasible, and either costs adding up to at most the envelope
 * (approval within the budget) or at most K projects (approval of at most K).
 */
public final class BallotRules {

    /** The kind of ballot a campaign announced (budget_campaign.ballot_kind). */
    public enum Kind {
        /** The chosen projects' costs add up to at most the envelope (the default). */
        WITHIN_BUDGET,
        /** At most {@code max_projects} projects. */
        AT_MOST_K
    }

    /** Why a ballot is refused, with the translation key of the message shown to the voter. */
    public enum Refusal {
        NOT_ON_BALLOT("budget.ballot.error.not-on-ballot"),
        OVER_BUDGET("budget.ballot.error.over-budget"),
        TOO_MANY("budget.ballot.error.too-many");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private BallotRules() {
    }

    /**
     * Checks {@code chosen} against the envelope's feasible projects ({@code costs}: id to cost in
     * cents) and its amount; empty when the ballot may be cast.
     */
    public static Optional<Refusal> check(Kind kind, Integer maxProjects, long envelopeCents, Map<Long, Long> costs, Set<Long> chosen) {
        long total = 0;
        for (long project : chosen) {
            Long cost = costs.get(project);
            if (cost == null) {
                return Optional.of(Refusal.NOT_ON_BALLOT);
            }
            total += cost;
        }
        if (kind == Kind.AT_MOST_K) {
            return chosen.size() > maxProjects ? Optional.of(Refusal.TOO_MANY) : Optional.empty();
        }
        return total > envelopeCents ? Optional.of(Refusal.OVER_BUDGET) : Optional.empty();
    }

    /**
     * Whether {@code project} (cost in cents) may still be added to a ballot already holding
     * {@code chosenCount} projects worth {@code chosenCents}: the page disables the ones that may not.
     */
    public static boolean fits(Kind kind, Integer maxProjects, long envelopeCents, long chosenCents, int chosenCount, long projectCents) {
        return kind == Kind.AT_MOST_K ? chosenCount < maxProjects : chosenCents + projectCents <= envelopeCents;
    }
}
