package org.participe.budget.internal;

/** What a resident writes of a project, cleaned by the service; the cost in cents. */
public record ProjectText(String title, String description, long envelopeId, String location, long costCents,
                          boolean hasPhoto, String photoDescription) {
}
