package org.participe.reporting;

/** What staff can export for a period and filter. */
public enum ExportKind {
    /** The catalogue's figures, with the previous period and each definition. */
    FIGURES,
    /** The ideas published in the period with their figures. */
    IDEAS,
    /** Supports given per idea and per week. */
    SUPPORTS_PER_WEEK,
    /** The comments written in the period (text and date, without their authors' names). */
    COMMENTS;

    public String fileWord() {
        return switch (this) {
            case FIGURES -> "indicateurs";
            case IDEAS -> "idees";
            case SUPPORTS_PER_WEEK -> "soutiens-par-semaine";
            case COMMENTS -> "commentaires";
        };
    }
}
