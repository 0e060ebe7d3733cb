package org.participe.budget;

/** A project as lists show it. */
public record ProjectCard(long id, long campaignId, long envelopeId, String title, String location, long costCents,
                          ProjectStatus status, boolean hasPhoto, String photoDescription, String lang, String authorName) {
}
