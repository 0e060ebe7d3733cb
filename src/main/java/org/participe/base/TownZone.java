package org.participe.base;

import java.time.ZoneId;

/** The town's time zone: days, due dates and monthly figures are counted in it. */
public final class TownZone {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private TownZone() {
    }
}
