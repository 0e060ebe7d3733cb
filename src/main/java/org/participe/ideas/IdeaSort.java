package org.participe.ideas;

/** How the public list is ordered. */
public enum IdeaSort {
    SUPPORTED, NEWEST, DISCUSSED, ANSWERED
}
