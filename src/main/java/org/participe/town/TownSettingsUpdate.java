package org.participe.town;

/** What an admin edits on the town settings form; {@code version} guards against lost updates. */
public record TownSettingsUpdate(String name, String description, String mainColour,
                                 Integer thresholdSupports, Integer thresholdDays, boolean preModeration,
                                 Integer flagsToHide, Integer answerDueDays, Integer unansweredAlertDays, long version) {

    /** The settings as they are now, to change one part of them. */
    public static TownSettingsUpdate from(TownProfile p) {
        return new TownSettingsUpdate(p.name(), p.description(), p.mainColour(), p.thresholdSupports(), p.thresholdDays(), p.preModeration(),
                p.flagsToHide(), p.answerDueDays(), p.unansweredAlertDays(), p.version());
    }

    public TownSettingsUpdate withThreshold(int supports) {
        return new TownSettingsUpdate(name, description, mainColour, supports, thresholdDays, preModeration,
                flagsToHide, answerDueDays, unansweredAlertDays, version);
    }

    public TownSettingsUpdate withPreModeration(boolean on) {
        return new TownSettingsUpdate(name, description, mainColour, thresholdSupports, thresholdDays, on,
                flagsToHide, answerDueDays, unansweredAlertDays, version);
    }

    /** The same settings with other moderation rules. */
    public TownSettingsUpdate withModeration(int flags, int dueDays, int alertDays) {
        return new TownSettingsUpdate(name, description, mainColour, thresholdSupports, thresholdDays, preModeration,
                flags, dueDays, alertDays, version);
    }
}
