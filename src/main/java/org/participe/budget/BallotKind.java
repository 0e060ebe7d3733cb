package org.participe.budget;

/** How a resident fills a ballot: projects whose costs fit in the envelope (the default), or at most K projects. */
public enum BallotKind {
    WITHIN_BUDGET, AT_MOST_K
}
