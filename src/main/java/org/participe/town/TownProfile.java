package org.participe.town;

import java.util.Locale;
import java.util.Optional;

/**
 * The town's settings as everyone may read them (the logo travels separately). The moderation
 * rules are public too: how many flags hide content, and how long officials take to answer.
 * {@code description} is the town's presentation in French, {@code descriptionEn} in English
 * (empty when the town has not written one).
 */
public record TownProfile(String name, String description, String descriptionEn, String mainColour, boolean hasLogo,
                          int thresholdSupports, int thresholdDays, boolean preModeration,
                          int flagsToHide, int answerDueDays, int unansweredAlertDays, long version) {

    /** A presentation text and the language it is written in, for pages to mark it with {@code lang}. */
    public record Presentation(String text, String language) {
    }

    /**
     * The presentation for an interface in {@code locale}: the English one in English when there is
     * one, otherwise the French one; empty when the town has written none.
     */
    public Optional<Presentation> presentation(Locale locale) {
        if ("en".equals(locale.getLanguage()) && descriptionEn != null && !descriptionEn.isBlank()) {
            return Optional.of(new Presentation(descriptionEn, "en"));
        }
        return description == null || description.isBlank() ? Optional.empty() : Optional.of(new Presentation(description, "fr"));
    }
}
