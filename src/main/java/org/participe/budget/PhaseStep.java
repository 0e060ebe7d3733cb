package org.participe.budget;

import java.time.LocalDate;

/** One step of a campaign's timeline: a phase, its first and last days ({@code until} null when open-ended), and whether it is past, current or coming. */
public record PhaseStep(BudgetPhase phase, LocalDate from, LocalDate until, When when) {

    public enum When { PAST, CURRENT, FUTURE }
}
