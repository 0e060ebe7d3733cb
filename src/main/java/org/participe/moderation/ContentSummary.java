package org.participe.moderation;

import java.time.Instant;

import org.participe.base.content.ContentKey;

/**
 * What officials see of a piece of content in the inbox: a title (null for kinds without one),
 * its text, its author and the content whose public page shows it ({@code page}: itself, or the
 * idea a comment discusses; null when none does).
 */
public record ContentSummary(String title, String text, long authorId, ContentKey page, Instant createdAt, boolean removed) {
}
