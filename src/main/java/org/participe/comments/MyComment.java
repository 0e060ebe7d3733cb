package org.participe.comments;

import java.time.Instant;

import org.participe.base.content.ContentKey;

/** One of the signed-in person's comments, with the content it discusses. */
public record MyComment(long id, ContentKey target, String excerpt, Instant createdAt, boolean deleted) {

    /** Where the comment is seen: its anchor on the page of what it discusses. */
    public String path() {
        return ContentKey.comment(id).pathOn(target);
    }
}
