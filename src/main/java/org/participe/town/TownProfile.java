package org.participe.town;

/**
 * The town's settings as everyone may read them (the logo travels separately). The moderation
 * rules are public too: how many flags hide content, and how long officials take to answer.
 */
public record TownProfile(String name, String description, String mainColour, boolean hasLogo,
                          int thresholdSupports, int thresholdDays, boolean preModeration,
                          int flagsToHide, int answerDueDays, int unansweredAlertDays, long version) {
}
