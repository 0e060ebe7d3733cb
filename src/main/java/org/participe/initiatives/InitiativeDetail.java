package org.participe.initiatives;

import java.time.Instant;
import java.util.List;
import java.util.Set;

public record InitiativeDetail(long id, String title, String summary, String description, long categoryId, Set<Long> neighbourhoodIds,
                               Long budgetEuros, InitiativeStatus status, int progress, String contactService, boolean published,
                               boolean archived, boolean hasCover, String coverDescription, List<Phase> phases, Integer currentPhasePosition, boolean currentPhaseSet,
                               Instant createdAt, Instant updatedAt, String updatedByName, long version, String lang) {
}
