package org.participe.comments;

/** What happens to comments; the commented feature keeps its count from these, in the same transaction. */
public final class CommentEvents {

    private CommentEvents() {
    }

    public record CommentPosted(String targetType, long targetId, long commentId, long authorId) {
    }

    public record ReplyPosted(String targetType, long targetId, long commentId, long authorId, long parentId, long parentAuthorId) {
    }

    public record CommentEdited(String targetType, long targetId, long commentId) {
    }

    /** Moderation hid a comment or showed it again: public counts follow. */
    public record CommentVisibilityChanged(String targetType, long targetId, long commentId, boolean hidden) {
    }

    public record CommentDeleted(String targetType, long targetId, long commentId) {
    }
}
