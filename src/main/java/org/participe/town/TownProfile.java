package org.participe.town;

/** The town's settings as everyone may read them (the logo travels separately). */
public record TownProfile(String name, String description, String mainColour, boolean hasLogo,
                          int thresholdSupports, int thresholdDays, boolean preModeration, long version) {
}
