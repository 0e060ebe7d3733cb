package org.participe.ideas.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An idea's support and comment counts, in a narrow table of their own (V7__idea_counts.sql),
 * changed in the transaction that adds or removes what they count.
 */
@Component
public class IdeaCountsStore {

    private final JdbcClient jdbc;

    IdeaCountsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more support and returns the new count. */
    public int supportAdded(long ideaId) {
        return jdbc.sql("update idea_counts set support_count = support_count + 1 where idea_id = ? returning support_count")
                .param(ideaId).query(Integer.class).single();
    }

    /** Counts one support less and returns the new count. */
    public int supportRemoved(long ideaId) {
        return jdbc.sql("update idea_counts set support_count = support_count - 1 where idea_id = ? returning support_count")
                .param(ideaId).query(Integer.class).single();
    }

    public void addComments(long ideaId, int delta) {
        jdbc.sql("update idea_counts set comment_count = greatest(0, comment_count + ?) where idea_id = ?").params(delta, ideaId).update();
    }

    public int supportCount(long ideaId) {
        return jdbc.sql("select support_count from idea_counts where idea_id = ?").param(ideaId).query(Integer.class).optional().orElse(0);
    }
}
