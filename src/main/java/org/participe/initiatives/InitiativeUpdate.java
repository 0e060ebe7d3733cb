package org.participe.initiatives;

import java.time.Instant;

/** A dated news post on an initiative (actualité). */
public record InitiativeUpdate(long id, String title, String body, String authorName, Instant publishedAt, boolean hasImage, String imageDescription, String lang) {
}
