package org.participe.initiatives;

import java.time.LocalDate;

/** A phase of an initiative, and where it stands relative to today. */
public record Phase(long id, int position, String name, LocalDate startsOn, LocalDate endsOn, String description, When when) {

    public enum When { PAST, CURRENT, FUTURE }
}
