package org.participe.comments;

import java.util.List;

public record CommentPage(List<CommentThread> threads, boolean hasMore) {
}
