package org.participe.comments;

import org.participe.base.content.ContentKey;

/**
 * What happens to comments; the commented feature keeps its count from these, in the same
 * transaction. {@code target} is the content the comment discusses, on whose page it appears.
 */
public final class CommentEvents {

    private CommentEvents() {
    }

    /**
     * A comment or a reply was posted on content that accepts comments (so public and visible at
     * that moment). It carries what followers are told: the content's title and the author's name;
     * for a reply, the author of its thread's first comment (null for a first comment).
     */
    public record CommentPosted(ContentKey target, long commentId, long authorId, String authorName, String targetTitle,
                                Long threadAuthorId) {
    }

    public record ReplyPosted(ContentKey target, long commentId, long authorId, long parentId, long parentAuthorId,
                              String authorName, String targetTitle) {
    }

    public record CommentEdited(ContentKey target, long commentId) {
    }

    /** Moderation hid a comment or showed it again: public counts follow. */
    public record CommentVisibilityChanged(ContentKey target, long commentId, boolean hidden) {
    }

    public record CommentDeleted(ContentKey target, long commentId) {
    }
}
