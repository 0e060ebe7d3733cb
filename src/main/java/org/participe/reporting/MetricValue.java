package org.participe.reporting;

/** A figure for a period and the same figure for the period before; null when it has no value (no answer, no due date). */
public record MetricValue(Metric metric, Double value, Double previous) {
}
