package org.participe.ideas;

/** What happens to ideas, published inside the service transaction. */
public final class IdeaEvents {

    private IdeaEvents() {
    }

    public record IdeaProposed(long ideaId, long authorId, boolean pending) {
    }

    public record IdeaStatusChanged(long ideaId, IdeaStatus from, IdeaStatus to) {
    }

    public record SupportGiven(long ideaId, long accountId) {
    }

    public record SupportWithdrawn(long ideaId, long accountId) {
    }

    /** The idea gathered the town's threshold of supports within its period: an official answer is due. */
    public record IdeaReachedThreshold(long ideaId, int supports, int thresholdSupports, int thresholdDays) {
    }

    /** Anything that viewers of the idea's page should see at once (counts, comments, status). */
    public record IdeaChanged(long ideaId) {
    }
}
