package org.participe.moderation;

import java.time.Instant;

/**
 * What officials see of a piece of content in the inbox: a title (null for kinds without one),
 * its text, its author and the public page where it appears.
 */
public record ContentSummary(String title, String text, long authorId, String pagePath, Instant createdAt, boolean removed) {
}
