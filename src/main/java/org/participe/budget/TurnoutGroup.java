package org.participe.budget;

/**
 * Voters of a campaign in one group: a neighbourhood (key: its id, label: its name) or an age band
 * (key: the band); {@code key} null for those who did not declare it. {@code voters} is null when the
 * group is smaller than {@link BudgetResultService#SMALLEST_GROUP}: it is never shown.
 */
public record TurnoutGroup(Dimension dimension, String key, String label, Integer voters) {

    public enum Dimension { NEIGHBOURHOOD, AGE_BAND }
}
