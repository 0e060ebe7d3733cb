package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which answers officials may give, and which need a reason: plain rules, no Spring. */
class AnswerPolicyTest {

    @Test
    void anAnswerMovesAnIdeaOnNeverBackToPublishedPendingOrWithdrawn() {
        assertThat(IdeaStatus.values()).filteredOn(AnswerPolicy::mayGive)
                .containsExactly(IdeaStatus.UNDER_REVIEW, IdeaStatus.ACCEPTED, IdeaStatus.REJECTED, IdeaStatus.IN_PROGRESS, IdeaStatus.DONE);
    }

    @Test
    void acceptingOrRejectingNeedsAReasonOfTwentyCharacters() {
        assertThat(IdeaStatus.values()).filteredOn(AnswerPolicy::needsReason).containsExactly(IdeaStatus.ACCEPTED, IdeaStatus.REJECTED);
        assertThat(AnswerPolicy.isReasoned("x".repeat(19))).isFalse();
        assertThat(AnswerPolicy.isReasoned("x".repeat(20))).isTrue();
        assertThat(AnswerPolicy.isReasoned("é".repeat(20))).as("characters as typed, not bytes").isTrue();
    }

    @Test
    void pendingAndWithdrawnIdeasAreNotAnswered() {
        assertThat(IdeaStatus.values()).filteredOn(status -> !AnswerPolicy.isAnswerable(status))
                .containsExactly(IdeaStatus.PENDING, IdeaStatus.WITHDRAWN);
    }
}
