package org.participe.reporting;

/**
 * The catalogue of participation figures. Each is defined once, here and in its SQL in
 * {@link ReportingService}; its name and definition (both languages) are the translations
 * {@code metric.<NAME>.name} and {@code metric.<NAME>.definition}, shown next to every figure on the
 * dashboard, in the exports and on the public page.
 */
public enum Metric {
    PARTICIPANTS(Unit.COUNT, true),
    NEW_ACCOUNTS(Unit.COUNT, false),
    IDEAS(Unit.COUNT, true),
    SUPPORTS(Unit.COUNT, true),
    COMMENTS(Unit.COUNT, true),
    IDEAS_ANSWERED(Unit.COUNT, true),
    ANSWERED_ON_TIME(Unit.PERCENT, true),
    MEDIAN_DAYS_TO_ANSWER(Unit.DAYS, true),
    FLAGS(Unit.COUNT, false),
    HIDDEN_ITEMS(Unit.COUNT, false);

    public enum Unit { COUNT, PERCENT, DAYS }

    private final Unit unit;
    private final boolean shownToThePublic;

    Metric(Unit unit, boolean shownToThePublic) {
        this.unit = unit;
        this.shownToThePublic = shownToThePublic;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether the public figures page shows it (moderation volumes stay for staff). */
    public boolean shownToThePublic() {
        return shownToThePublic;
    }

    public String nameKey() {
        return "metric." + name() + ".name";
    }

    public String definitionKey() {
        return "metric." + name() + ".definition";
    }
}
