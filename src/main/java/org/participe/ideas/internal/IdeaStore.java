package org.participe.ideas.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.participe.ideas.IdeaStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code idea} rows: written by the use cases of {@code IdeaService}, read whole for an
 * idea's page and in part for the rules of an action. Each method is one SQL statement.
 */
@Component
public class IdeaStore {

    private static final String STATE_COLUMNS = "i.id, i.author_id, i.status, i.hidden, i.published_at, i.created_at, c.support_count, c.comment_count,"
            + " i.threshold_reached_at is not null, i.title";

    private final JdbcClient jdbc;

    IdeaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewIdea idea) {
        return jdbc.sql("""
                        insert into idea (author_id, title, description, category_id, neighbourhood_id, status, has_photo,
                                          photo_description, lang, created_at, updated_at, published_at)
                        values (:author, :title, :description, :category, :neighbourhood, :status, :photo,
                                :photoDescription, :lang, :now, :now, :published)
                        returning id""")
                .param("author", idea.authorId()).param("title", idea.title()).param("description", idea.description())
                .param("photoDescription", idea.photoDescription()).param("lang", idea.lang())
                .param("category", idea.categoryId()).param("neighbourhood", idea.neighbourhoodId())
                .param("status", idea.status().name())
                .param("photo", idea.hasPhoto()).param("now", Timestamp.from(idea.createdAt())).param("published", timestamp(idea.publishedAt()))
                .query(Long.class).single();
    }

    /** The idea's state, its row locked until the transaction ends: the action's rules hold while it runs. */
    public Optional<IdeaState> lock(long ideaId) {
        return jdbc.sql("select " + STATE_COLUMNS + " from idea i join idea_counts c on c.idea_id = i.id where i.id = ? for update of i")
                .param(ideaId).query(IdeaStore::state).optional();
    }

    public Optional<IdeaState> find(long ideaId) {
        return jdbc.sql("select " + STATE_COLUMNS + " from idea i join idea_counts c on c.idea_id = i.id where i.id = ?")
                .param(ideaId).query(IdeaStore::state).optional();
    }

    /** Rewrites the text if the idea is still at {@code version}; false when someone changed it since. */
    public boolean updateText(long ideaId, long version, IdeaText text, Instant now) {
        return jdbc.sql("""
                        update idea set title = :title, description = :description, category_id = :category,
                               neighbourhood_id = :neighbourhood, has_photo = has_photo or :photo, updated_at = :now, version = version + 1,
                               photo_description = case when :keepPhotoDescription then photo_description else :photoDescription end
                        where id = :id and version = :version""")
                .param("keepPhotoDescription", text.keepPhotoDescription()).param("photoDescription", text.photoDescription())
                .param("title", text.title()).param("description", text.description()).param("category", text.categoryId())
                .param("neighbourhood", text.neighbourhoodId()).param("photo", text.addsPhoto())
                .param("now", Timestamp.from(now)).param("id", ideaId).param("version", version).update() == 1;
    }

    public void setPublishedAt(long ideaId, Instant at) {
        jdbc.sql("update idea set published_at = :now where id = :id").param("now", Timestamp.from(at)).param("id", ideaId).update();
    }

    public void setStatus(long ideaId, IdeaStatus to, Instant now) {
        jdbc.sql("update idea set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(to.name(), Timestamp.from(now), ideaId).update();
    }

    /** An official's answer: the new status, if the idea is still at {@code version}; false when someone changed it since. */
    public boolean answer(long ideaId, long version, IdeaStatus to, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("update idea set status = ?, last_answered_at = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(to.name(), at, at, ideaId, version).update() == 1;
    }

    /** Records the initiative the idea fed into, its status then, and whether the link answered it. */
    public void linkToInitiative(long ideaId, long initiativeId, IdeaStatus to, boolean answers, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                        update idea set initiative_id = ?, status = ?, last_answered_at = case when ? then ? else last_answered_at end,
                               updated_at = ?, version = version + 1
                        where id = ?""")
                .params(initiativeId, to.name(), answers, at, at, ideaId).update();
    }

    /** Marks the idea as having reached the threshold; false when it was marked already. */
    public boolean markThresholdReached(long ideaId, Instant now) {
        return jdbc.sql("update idea set threshold_reached_at = ? where id = ? and threshold_reached_at is null")
                .params(Timestamp.from(now), ideaId).update() == 1;
    }

    /** Hides the ideas with a reason, or shows them again when {@code reason} is null. */
    public void setHidden(Collection<Long> ids, String reason) {
        jdbc.sql("update idea set hidden = :hidden, hidden_reason = :reason where id in (:ids)")
                .param("hidden", reason != null).param("reason", reason).param("ids", ids).update();
    }

    /**
     * One idea's page as read from the database, with whether {@code viewer} (or nobody: null)
     * wrote and supports it; what the viewer may do, and the title of the initiative it fed into
     * (another module's), are left for the service.
     */
    public Optional<IdeaRecord> detail(long ideaId, Long viewer) {
        return jdbc.sql("""
                        select i.*, c.support_count, c.comment_count, a.display_name as author_name,
                               exists (select 1 from support s where s.idea_id = i.id and s.account_id = :viewer) as supported
                        from %s where i.id = :id""".formatted(IdeaCardStore.IDEA_WITH_COUNTS))
                .param("viewer", viewer == null ? -1L : viewer).param("id", ideaId)
                .query((rs, n) -> new IdeaRecord(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                        rs.getLong("author_id"), rs.getString("author_name"), rs.getLong("category_id"),
                        (Long) rs.getObject("neighbourhood_id"), IdeaStatus.valueOf(rs.getString("status")), rs.getBoolean("hidden"),
                        rs.getInt("support_count"), rs.getInt("comment_count"), rs.getBoolean("has_photo"),
                        instant(rs, "created_at"), instant(rs, "published_at"), instant(rs, "updated_at"),
                        instant(rs, "threshold_reached_at"), rs.getLong("version"),
                        viewer != null && viewer == rs.getLong("author_id"), rs.getBoolean("supported"),
                        (Long) rs.getObject("initiative_id"), rs.getString("hidden_reason"),
                        rs.getString("lang"), rs.getString("photo_description")))
                .optional();
    }

    // What moderation needs -----------------------------------------------------------------------

    /** What the moderation inbox shows of an idea. */
    public record Summary(long id, String title, String excerpt, long authorId, Instant createdAt) {
    }

    public List<Summary> summaries(Collection<Long> ids) {
        return jdbc.sql("select id, title, left(description, 600), author_id, created_at from idea where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** How many ideas a person published (pending ones aside). */
    public long countPublishedBy(long authorId) {
        return jdbc.sql("select count(*) from idea where author_id = ? and status <> 'PENDING'").param(authorId).query(Long.class).single();
    }

    /** A person's ideas still shown, locked: moderation hides them all when it blocks the author. */
    public List<Created> lockShownBy(long authorId) {
        return jdbc.sql("select id, created_at from idea where author_id = ? and not hidden for update")
                .param(authorId).query((rs, n) -> new Created(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** An idea and when it was written. */
    public record Created(long id, Instant createdAt) {
    }

    public void lockRow(long ideaId) {
        jdbc.sql("select id from idea where id = ? for update").param(ideaId).query(Long.class).optional();
    }

    private static IdeaState state(ResultSet rs, int row) throws SQLException {
        return new IdeaState(rs.getLong(1), rs.getLong(2), IdeaStatus.valueOf(rs.getString(3)), rs.getBoolean(4),
                instant(rs, "published_at"), instant(rs, "created_at"), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getString(10));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
