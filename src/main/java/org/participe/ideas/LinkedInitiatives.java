package org.participe.ideas;

import java.util.Optional;

/**
 * What an idea's page shows of the town initiative it fed into. Ideas declare what they need and
 * the initiatives feature, which depends on ideas (it links them), implements it: ideas neither
 * depend on that module nor name its tables, so the two modules form no cycle, in Java or in SQL.
 */
public interface LinkedInitiatives {

    /** The initiative's title when the public may see it (published, not archived); empty otherwise. */
    Optional<String> publicTitle(long initiativeId);
}
