package org.participe.ideas;

import java.util.List;

import org.participe.base.validation.TypedText;

/**
 * Officials' public answers (the charter: "always justify and give reasons"): which statuses an
 * answer may give, which of them need a reason, and which ideas may be answered.
 */
final class AnswerPolicy {

    /** The shortest reason an answer that accepts or rejects, or a link that answers, may give. */
    static final int REASON_MIN = 20;
    static final int TEXT_MAX = 5000;

    private AnswerPolicy() {
    }

    /** Whether an answer may move an idea to {@code to}: the statuses of {@link IdeaStatus#ANSWERS}. */
    static boolean mayGive(IdeaStatus to) {
        return IdeaStatus.ANSWERS.contains(to);
    }

    /** Accepting or rejecting is always reasoned; the other answers may come without a text. */
    static boolean needsReason(IdeaStatus to) {
        return to == IdeaStatus.ACCEPTED || to == IdeaStatus.REJECTED;
    }

    static boolean isReasoned(String text) {
        return TypedText.length(text) >= REASON_MIN;
    }

    /** A pending idea is not public yet, and a withdrawn one is closed by its author: neither is answered. */
    static boolean isAnswerable(IdeaStatus current) {
        return current != IdeaStatus.PENDING && current != IdeaStatus.WITHDRAWN;
    }
}
