package org.participe.comments;

import java.util.List;

/** A top-level comment and its replies (one level), oldest reply first. */
public record CommentThread(CommentView comment, List<CommentView> replies) {
}
