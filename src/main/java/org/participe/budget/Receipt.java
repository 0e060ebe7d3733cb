package org.participe.budget;

import java.util.Set;

/**
 * What a voter keeps after casting: a random code (it tells nothing of the choices) and what was
 * recorded, to show them back once.
 */
public record Receipt(long envelopeId, String code, Set<Long> chosen) {

    public Receipt {
        chosen = Set.copyOf(chosen);
    }
}
