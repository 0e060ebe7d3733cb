package org.participe.ideas.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.participe.base.database.SqlArrays;
import org.participe.ideas.IdeaHistory.DatedIdea;
import org.participe.ideas.IdeaHistory.DatedSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dates of ideas, supports and timeline entries set after the fact ({@code IdeaHistory}): each
 * method a statement or two, whatever the number of rows, sent as arrays.
 */
@Component
public class IdeaHistoryStore {

    private final JdbcClient jdbc;

    IdeaHistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void datePublications(Collection<DatedIdea> ideas) {
        String ids = SqlArrays.of(ideas.stream().map(DatedIdea::ideaId).toList());
        jdbc.sql("""
                        update idea i set created_at = d.created_at, published_at = d.published_at
                        from unnest(cast(:ids as bigint[]), cast(:created as timestamptz[]), cast(:published as timestamptz[]))
                             as d(idea_id, created_at, published_at)
                        where i.id = d.idea_id""")
                .param("ids", ids)
                .param("created", SqlArrays.of(ideas.stream().map(DatedIdea::createdAt).toList()))
                .param("published", SqlArrays.of(ideas.stream().map(DatedIdea::publishedAt).toList()))
                .update();
        jdbc.sql("""
                        update idea_event e set occurred_at = i.published_at
                        from idea i where i.id = e.idea_id and e.kind = 'PUBLISHED' and i.id = any (cast(:ids as bigint[]))""")
                .param("ids", ids).update();
    }

    public void dateAnswers(Map<Long, Instant> answeredAt) {
        String ids = SqlArrays.of(answeredAt.keySet());
        jdbc.sql("""
                        update idea i set last_answered_at = d.answered_at
                        from unnest(cast(:ids as bigint[]), cast(:answered as timestamptz[])) as d(idea_id, answered_at)
                        where i.id = d.idea_id""")
                .param("ids", ids).param("answered", SqlArrays.of(answeredAt.keySet().stream().map(answeredAt::get).toList()))
                .update();
        jdbc.sql("""
                        update idea_event e set occurred_at = i.last_answered_at
                        from idea i where i.id = e.idea_id and e.kind = 'OFFICIAL_ANSWER' and i.id = any (cast(:ids as bigint[]))""")
                .param("ids", ids).update();
    }

    public void dateSupports(Collection<DatedSupport> supports) {
        jdbc.sql("""
                        update support s set created_at = d.given_at
                        from unnest(cast(:ideas as bigint[]), cast(:accounts as bigint[]), cast(:given as timestamptz[]))
                             as d(idea_id, account_id, given_at)
                        where s.idea_id = d.idea_id and s.account_id = d.account_id""")
                .param("ideas", SqlArrays.of(supports.stream().map(DatedSupport::ideaId).toList()))
                .param("accounts", SqlArrays.of(supports.stream().map(DatedSupport::accountId).toList()))
                .param("given", SqlArrays.of(supports.stream().map(DatedSupport::givenAt).toList()))
                .update();
    }

    /** Of these ideas, those marked as having reached the threshold are dated at their {@code threshold}-th support. */
    public void dateThresholdsReached(List<Long> ideaIds, int threshold) {
        String ids = SqlArrays.of(ideaIds);
        jdbc.sql("""
                        update idea i set threshold_reached_at = (select s.created_at from support s where s.idea_id = i.id
                                                                  order by s.created_at offset :skipped limit 1)
                        where i.threshold_reached_at is not null and i.id = any (cast(:ids as bigint[]))""")
                .param("skipped", threshold - 1).param("ids", ids).update();
        jdbc.sql("""
                        update idea_event e set occurred_at = i.threshold_reached_at
                        from idea i where i.id = e.idea_id and e.kind = 'THRESHOLD_REACHED' and i.threshold_reached_at is not null
                          and i.id = any (cast(:ids as bigint[]))""")
                .param("ids", ids).update();
    }
}
