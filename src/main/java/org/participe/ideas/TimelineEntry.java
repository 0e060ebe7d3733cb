package org.participe.ideas;

import java.time.Instant;

/** One dated step of an idea's public timeline; {@code lang} is the language of its text (an official answer). */
public record TimelineEntry(String kind, IdeaStatus fromStatus, IdeaStatus toStatus, String actorName, String text, Instant occurredAt, String lang) {
}
