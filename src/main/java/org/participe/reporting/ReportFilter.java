package org.participe.reporting;

/** Narrows figures to ideas of one neighbourhood and/or one category; null means all. */
public record ReportFilter(Long neighbourhoodId, Long categoryId) {

    public static ReportFilter none() {
        return new ReportFilter(null, null);
    }
}
