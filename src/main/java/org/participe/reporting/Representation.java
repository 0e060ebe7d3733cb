package org.participe.reporting;

/**
 * One group of participants next to the same group in the town's population. For a group of fewer
 * than {@link ReportingService#SMALLEST_GROUP} participants, no number is given at all
 * ({@code participants}, {@code share} and {@code gap} are null), so that no one can be singled out.
 *
 * @param share percentage among the participants of the groups shown (groups too small to show are left out of both shares)
 * @param referenceShare percentage of the reference population of the same groups, null when there is none
 * @param gap share minus reference share, in percentage points
 */
public record Representation(Dimension dimension, String key, String label, Integer participants, Double share,
                             Double referenceShare, Double gap) {

    public enum Dimension { NEIGHBOURHOOD, AGE_BAND, SEX }

    public boolean suppressed() {
        return participants == null;
    }
}
