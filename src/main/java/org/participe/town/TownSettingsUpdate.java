package org.participe.town;

/** What an admin edits on the town settings form; {@code version} guards against lost updates. */
public record TownSettingsUpdate(String name, String description, String mainColour,
                                 Integer thresholdSupports, Integer thresholdDays, boolean preModeration, long version) {
}
