package org.participe.base;

/** What the application shell shows of the town; the town feature provides it. */
public interface TownBranding {

    String townName();

    /** A relative URL of the logo, or null when the town has none. */
    String logoUrl();

    /** The main colour, {@code #rrggbb}, checked for contrast with white text. */
    String mainColour();
}
