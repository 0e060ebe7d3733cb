package org.participe.initiatives;

/** What happens to initiatives; followers are notified of the public ones. */
public final class InitiativeEvents {

    private InitiativeEvents() {
    }

    public record InitiativeUpdatePublished(long initiativeId, long updateId, String initiativeTitle, String updateTitle) {
    }

    public record InitiativePhaseChanged(long initiativeId, String initiativeTitle, String phaseName) {
    }
}
