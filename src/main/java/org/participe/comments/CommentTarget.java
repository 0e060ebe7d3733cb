package org.participe.comments;

import java.util.Optional;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;

/**
 * A kind of content that can be commented on. Each feature that accepts comments provides one
 * (ideas now; initiatives and council opinions later) and counts its comments from the events.
 * Its comments appear on its content's page ({@link ContentKey#pathOn}).
 */
public interface CommentTarget {

    ContentKind kind();

    /** Whether the current viewer may read this content's comments. */
    boolean isVisible(long id);

    /**
     * The content's title when it accepts new comments (it is public and open), empty otherwise.
     * One read answers both: the title goes into the comment events, so that their listeners need
     * not read the content, and a post costs no statement more for it.
     */
    Optional<String> titleIfOpen(long id);
}
