package org.participe.initiatives.internal;

import java.time.Instant;
import java.util.Set;

import org.participe.initiatives.InitiativeStatus;

/**
 * An initiative's page as its own tables hold it, with the phase staff set as current (else
 * null); its phases, which is current and what the viewer may do are left for the service.
 */
public record InitiativeRecord(long id, String title, String summary, String description, long categoryId, Set<Long> neighbourhoodIds,
                               Long budgetEuros, InitiativeStatus status, int progress, String contactService, boolean published,
                               boolean archived, boolean hasCover, String coverDescription, Long currentPhaseId,
                               Instant createdAt, Instant updatedAt, String updatedByName, long version, String lang) {
}
