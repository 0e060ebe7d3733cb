package org.participe.ideas;

import java.time.Instant;

/** One idea in a list: what a card shows; {@code lang} is the language its text was written in. */
public record IdeaCard(long id, String title, String excerpt, long categoryId, Long neighbourhoodId, IdeaStatus status,
                       int supportCount, int commentCount, boolean hasPhoto, Instant publishedAt, String authorName, String lang) {
}
