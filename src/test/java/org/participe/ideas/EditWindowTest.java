package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The author's window to correct an idea: plain rules, no Spring. */
class EditWindowTest {

    private final EditWindow window = new EditWindow(Duration.ofMinutes(30));
    private final Instant published = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void openForThirtyMinutesAfterPublication() {
        assertThat(window.isOpen(IdeaStatus.PUBLISHED, published, 0, 0, published.plusSeconds(29 * 60 + 59))).isTrue();
        assertThat(window.isOpen(IdeaStatus.PUBLISHED, published, 0, 0, published.plusSeconds(30 * 60))).isFalse();
    }

    @Test
    void closedOnceSomeoneReactedOrTheIdeaMovedOn() {
        Instant soon = published.plusSeconds(60);
        assertThat(window.isOpen(IdeaStatus.PUBLISHED, published, 1, 0, soon)).as("a support").isFalse();
        assertThat(window.isOpen(IdeaStatus.PUBLISHED, published, 0, 1, soon)).as("a comment").isFalse();
        assertThat(window.isOpen(IdeaStatus.PENDING, published, 0, 0, soon)).as("awaiting moderation").isTrue();
        assertThat(window.isOpen(IdeaStatus.UNDER_REVIEW, published, 0, 0, soon)).isFalse();
        assertThat(window.isOpen(IdeaStatus.WITHDRAWN, published, 0, 0, soon)).isFalse();
    }
}
