package org.participe.town;

/** What an admin edits on the town settings form; {@code version} guards against lost updates. */
public record TownSettingsUpdate(String name, String description, String mainColour,
                                 Integer thresholdSupports, Integer thresholdDays, boolean preModeration,
                                 Integer flagsToHide, Integer answerDueDays, Integer unansweredAlertDays, long version) {

    /** The same settings with other moderation rules. */
    public TownSettingsUpdate withModeration(int flags, int dueDays, int alertDays) {
        return new TownSettingsUpdate(name, description, mainColour, thresholdSupports, thresholdDays, preModeration,
                flags, dueDays, alertDays, version);
    }
}
