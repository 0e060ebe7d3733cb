package org.participe.reporting;

import org.participe.reporting.internal.RollupRecount;
import org.participe.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the reporting rollups ({@code activity_daily}, {@code participant_days}) again from the
 * contributions, after history was written or dated after the fact ({@code IdeaHistory},
 * {@code CommentHistory}, {@code AccountHistory}): the journals of ideas and comments say what
 * changed where, not when a row is dated again afterwards, so moving rows to other days is left to this recount. Called in the transaction that
 * dated them, last. Administrators only (the demo seeds as one, at start-up).
 */
@Service
@Transactional
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ReportingRollups {

    private final RollupRecount recount;

    ReportingRollups(RollupRecount recount) {
        this.recount = recount;
    }

    public void recount() {
        recount.run();
    }
}
