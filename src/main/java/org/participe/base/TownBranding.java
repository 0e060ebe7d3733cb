package org.participe.base;

/** What the application shell and e-mails show of the town; the town feature provides it. */
public interface TownBranding {

    /** The town's name, its logo's relative URL (null without logo), and its main colour {@code #rrggbb}. */
    record Branding(String townName, String logoUrl, String mainColour) {
    }

    /** Read once per page or e-mail: one query for the three. */
    Branding branding();

    default String townName() {
        return branding().townName();
    }
}
