package org.participe.initiatives;

import java.time.LocalDate;

public record PhaseDraft(String name, LocalDate startsOn, LocalDate endsOn, String description) {
}
