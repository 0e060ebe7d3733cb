package org.participe.moderation.internal;

import java.util.Collection;

import org.participe.base.database.SqlArrays;
import org.participe.moderation.ModerationHistory.ContentDates;
import org.participe.moderation.ModerationHistory.FollowUpDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dates of {@code moderation_item} rows set after the fact, all rows of a call in one statement. */
@Component
public class ModerationItemHistory {

    private final JdbcClient jdbc;

    ModerationItemHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void dateContents(Collection<ContentDates> contents) {
        jdbc.sql("""
                        update moderation_item m set content_created_at = d.created_at, published_at = coalesce(d.published_at, m.published_at)
                        from unnest(cast(:types as text[]), cast(:ids as bigint[]), cast(:created as timestamptz[]),
                                    cast(:published as timestamptz[])) as d(content_type, content_id, created_at, published_at)
                        where m.content_type = d.content_type and m.content_id = d.content_id""")
                .param("types", SqlArrays.of(contents.stream().map(c -> c.content().kind().name()).toList()))
                .param("ids", SqlArrays.of(contents.stream().map(c -> c.content().id()).toList()))
                .param("created", SqlArrays.of(contents.stream().map(ContentDates::createdAt).toList()))
                .param("published", SqlArrays.of(contents.stream().map(ContentDates::publishedAt).toList()))
                .update();
    }

    public void dateFollowUps(Collection<FollowUpDates> followUps) {
        jdbc.sql("""
                        update moderation_item m set answer_expected_since = coalesce(d.expected, m.answer_expected_since),
                               due_at = coalesce(d.due, m.due_at), answered_at = coalesce(d.answered, m.answered_at)
                        from unnest(cast(:types as text[]), cast(:ids as bigint[]), cast(:expected as timestamptz[]),
                                    cast(:due as timestamptz[]), cast(:answered as timestamptz[])) as d(content_type, content_id, expected, due, answered)
                        where m.content_type = d.content_type and m.content_id = d.content_id""")
                .param("types", SqlArrays.of(followUps.stream().map(f -> f.content().kind().name()).toList()))
                .param("ids", SqlArrays.of(followUps.stream().map(f -> f.content().id()).toList()))
                .param("expected", SqlArrays.of(followUps.stream().map(FollowUpDates::answerExpectedSince).toList()))
                .param("due", SqlArrays.of(followUps.stream().map(FollowUpDates::dueAt).toList()))
                .param("answered", SqlArrays.of(followUps.stream().map(FollowUpDates::answeredAt).toList()))
                .update();
    }
}
