package org.participe.initiatives;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One initiative's page, with what the viewer may do there ({@code can}, decided by the service). */
public record InitiativeDetail(long id, String title, String summary, String description, long categoryId, Set<Long> neighbourhoodIds,
                               Long budgetEuros, InitiativeStatus status, int progress, String contactService, boolean published,
                               boolean archived, boolean hasCover, String coverDescription, List<Phase> phases, Integer currentPhasePosition, boolean currentPhaseSet,
                               Instant createdAt, Instant updatedAt, String updatedByName, long version, String lang, InitiativeCapabilities can) {
}
