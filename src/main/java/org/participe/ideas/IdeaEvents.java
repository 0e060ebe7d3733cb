package org.participe.ideas;

/** What happens to ideas, published inside the service transaction. */
public final class IdeaEvents {

    private IdeaEvents() {
    }

    /**
     * The idea's status changed; its title and whether moderation hid it travel with the event, so
     * that followers are told (or not) without reading the idea's table.
     */
    public record IdeaStatusChanged(long ideaId, IdeaStatus from, IdeaStatus to, String title, boolean hidden) {
    }

    /**
     * The idea gathered the town's threshold of supports within its period: an official answer is
     * due. A hidden idea takes no supports, so it reaches the threshold visible.
     */
    public record IdeaReachedThreshold(long ideaId, int supports, int thresholdSupports, int thresholdDays, String title) {
    }

    /** Anything that viewers of the idea's page should see at once (counts, comments, status). */
    public record IdeaChanged(long ideaId) {
    }
}
