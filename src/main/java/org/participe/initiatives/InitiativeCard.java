package org.participe.initiatives;

import java.time.Instant;

public record InitiativeCard(long id, String title, String summary, long categoryId, InitiativeStatus status, int progress,
                             boolean published, boolean hasCover, String coverDescription, String currentPhase, Instant updatedAt, String lang) {
}
