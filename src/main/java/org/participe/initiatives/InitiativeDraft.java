package org.participe.initiatives;

import java.util.List;
import java.util.Set;

/**
 * What staff edit. {@code currentPhase} is a position in {@code phases}, or null to derive the
 * current phase from today's date.
 */
public record InitiativeDraft(String title, String summary, String description, Long categoryId, Set<Long> neighbourhoodIds,
                              Long budgetEuros, InitiativeStatus status, Integer progress, String contactService,
                              List<PhaseDraft> phases, Integer currentPhase) {
}
