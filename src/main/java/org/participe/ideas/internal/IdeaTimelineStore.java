package org.participe.ideas.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.participe.ideas.IdeaStatus;
import org.participe.ideas.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An idea's public timeline ({@code idea_event}): every change of status, answer, link and threshold, dated. */
@Component
public class IdeaTimelineStore {

    private final JdbcClient jdbc;

    IdeaTimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a dated entry; {@code from}, {@code to}, {@code actorId} and {@code text} may be null,
     * and {@code lang} is the language of the text.
     */
    public void add(long ideaId, String kind, IdeaStatus from, IdeaStatus to, Long actorId, String text, Instant at, String lang) {
        jdbc.sql("insert into idea_event (idea_id, kind, from_status, to_status, actor_id, text, occurred_at, lang) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ideaId, kind, from == null ? null : from.name(), to == null ? null : to.name(), actorId, text, Timestamp.from(at), lang)
                .update();
    }

    /** The idea's entries, oldest first, signed with their actor's name. */
    public List<TimelineEntry> entries(long ideaId) {
        return jdbc.sql("""
                        select e.kind, e.from_status, e.to_status, a.display_name, e.text, e.occurred_at, e.lang
                        from idea_event e left join account_public a on a.id = e.actor_id
                        where e.idea_id = ? order by e.occurred_at, e.id""")
                .param(ideaId)
                .query((rs, n) -> new TimelineEntry(rs.getString(1), status(rs.getString(2)), status(rs.getString(3)),
                        rs.getString(4), rs.getString(5), IdeaStore.instant(rs, "occurred_at"), rs.getString("lang")))
                .list();
    }

    private static IdeaStatus status(String value) {
        return value == null ? null : IdeaStatus.valueOf(value);
    }
}
