package org.participe.budget;

/**
 * What a resident writes: the envelope it asks money from (the whole town's or a neighbourhood's),
 * an estimated cost in whole euros, and an optional photo with its description.
 */
public record ProjectDraft(String title, String description, Long envelopeId, String location, Long costEuros,
                           byte[] photo, String photoDescription) {
}
