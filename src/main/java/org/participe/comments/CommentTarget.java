package org.participe.comments;

/**
 * A kind of content that can be commented on. Each feature that accepts comments provides one
 * (ideas now; initiatives and council opinions later) and counts its comments from the events.
 */
public interface CommentTarget {

    String type();

    /** Whether the current viewer may read this content's comments. */
    boolean isVisible(long id);

    /** Whether new comments are accepted (the content is public and open). */
    boolean acceptsComments(long id);

    /** The route of the content's page, where its comments appear. */
    String path(long id);
}
