package org.participe.comments;

import java.time.Instant;

/**
 * A comment as a reader sees it; {@code body} is null once the author deleted it. Hidden comments
 * reach only their author (with the reason) and officials. {@code lang}: the language it was written in;
 * {@code can}: what the reader may do on it ({@code editable} is {@code can.edit()}).
 */
public record CommentView(long id, Long parentId, long authorId, String authorName, String body, Instant createdAt,
                          boolean edited, boolean deleted, boolean mine, boolean editable, long version,
                          boolean hidden, String hiddenReason, String lang, CommentCapabilities can) {
}
