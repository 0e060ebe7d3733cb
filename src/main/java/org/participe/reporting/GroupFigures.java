package org.participe.reporting;

/** Activity of one group (a neighbourhood, a category, a status): ideas, supports and comments in the period. */
public record GroupFigures(String key, String label, long ideas, long supports, long comments) {
}
