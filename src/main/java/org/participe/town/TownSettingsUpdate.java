package org.participe.town;

/**
 * What an admin edits on the town settings form; {@code version} guards against lost updates.
 * {@code descriptionEn} is the English presentation; {@code null} leaves it as it is.
 */
public record TownSettingsUpdate(String name, String description, String descriptionEn, String mainColour,
                                 Integer thresholdSupports, Integer thresholdDays, boolean preModeration,
                                 Integer flagsToHide, Integer answerDueDays, Integer unansweredAlertDays, long version) {

    /** The settings without the English presentation, which is kept as it is (callers that change only the rules). */
    public TownSettingsUpdate(String name, String description, String mainColour,
                              Integer thresholdSupports, Integer thresholdDays, boolean preModeration,
                              Integer flagsToHide, Integer answerDueDays, Integer unansweredAlertDays, long version) {
        this(name, description, null, mainColour, thresholdSupports, thresholdDays, preModeration,
                flagsToHide, answerDueDays, unansweredAlertDays, version);
    }

    /** The settings as they are now, to change one part of them. */
    public static TownSettingsUpdate from(TownProfile p) {
        return new TownSettingsUpdate(p.name(), p.description(), p.descriptionEn(), p.mainColour(), p.thresholdSupports(), p.thresholdDays(),
                p.preModeration(), p.flagsToHide(), p.answerDueDays(), p.unansweredAlertDays(), p.version());
    }

    public TownSettingsUpdate withThreshold(int supports) {
        return new TownSettingsUpdate(name, description, descriptionEn, mainColour, supports, thresholdDays, preModeration,
                flagsToHide, answerDueDays, unansweredAlertDays, version);
    }

    public TownSettingsUpdate withPreModeration(boolean on) {
        return new TownSettingsUpdate(name, description, descriptionEn, mainColour, thresholdSupports, thresholdDays, on,
                flagsToHide, answerDueDays, unansweredAlertDays, version);
    }

    /** The same settings with other moderation rules. */
    public TownSettingsUpdate withModeration(int flags, int dueDays, int alertDays) {
        return new TownSettingsUpdate(name, description, descriptionEn, mainColour, thresholdSupports, thresholdDays, preModeration,
                flags, dueDays, alertDays, version);
    }

    /** The same settings with other presentations, in French and in English. */
    public TownSettingsUpdate withPresentations(String french, String english) {
        return new TownSettingsUpdate(name, french, english, mainColour, thresholdSupports, thresholdDays, preModeration,
                flagsToHide, answerDueDays, unansweredAlertDays, version);
    }
}
