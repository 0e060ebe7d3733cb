package org.participe.budget;

/** A project of a counted envelope: its votes, whether it won and in which order the rule selected it. */
public record CountedProject(long id, String title, long costCents, int votes, boolean selected, Integer rank) {
}
