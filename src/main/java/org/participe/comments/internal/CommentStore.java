package org.participe.comments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.participe.base.content.ContentKey;
import org.participe.comments.MyComment;
import org.participe.moderation.ContentSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code comment} table: comments and their one level of replies. A page is two statements
 * (the comments, then all their replies); hidden comments are left out except for their author
 * and officials.
 */
@Component
public class CommentStore {

    private static final String COLUMNS = """
            c.id, c.parent_id, c.author_id, a.display_name, c.body, c.created_at, c.edited_at, c.deleted_at, c.version, c.hidden, c.hidden_reason, c.lang""";
    /** Hidden comments are shown only to their author (with the reason) and to officials. */
    private static final String SHOWN = " and (not c.hidden or c.author_id = :viewer or :official)";

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A comment as stored, with its author's public name; the service decides what the viewer may do with it. */
    public record CommentRow(long id, Long parentId, long authorId, String authorName, String body, Instant createdAt,
                             boolean edited, boolean deleted, long version, boolean hidden, String hiddenReason, String lang) {
    }

    /** The comment replied to: its thread (its own id when it is top-level) and the authors of both. */
    public record Parent(long threadId, long authorId, long threadAuthorId) {
    }

    /** The comment its author changes, locked until the end of the transaction. */
    public record OwnRow(long authorId, ContentKey target, Instant createdAt, boolean deleted, boolean hidden) {
    }

    /** A comment whose visibility was just set: {@code changed} when a shown comment appeared or went. */
    public record Visibility(ContentKey target, long id, boolean changed) {
    }

    public record Dated(long id, Instant createdAt) {
    }

    /** The visible comment {@code parentId} under the target, if any. */
    public Optional<Parent> parent(long parentId, ContentKey target) {
        return jdbc.sql("""
                        select c.id, c.parent_id, c.author_id, coalesce(t.author_id, c.author_id) from comment c left join comment t on t.id = c.parent_id
                        where c.id = ? and c.target_type = ? and c.target_id = ? and not c.hidden""")
                .params(parentId, target.kind().name(), target.id())
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getObject(2) == null ? 0 : rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .optional()
                .map(parent -> new Parent(parent[1] != 0 ? parent[1] : parent[0], parent[2], parent[3]));
    }

    /** A new comment's id and its author's public name (empty when the account is gone). */
    public record Inserted(long id, String authorName) {
    }

    /**
     * Inserts the comment and reads its author's public name in the same statement: the events
     * of a new comment carry the name, and a post costs no statement more for it.
     */
    public Inserted insert(ContentKey target, Long threadId, long authorId, String body, Instant at, String lang) {
        return jdbc.sql("insert into comment (target_type, target_id, parent_id, author_id, body, created_at, lang) values (?, ?, ?, ?, ?, ?, ?)"
                        + " returning id, (select a.display_name from account_public a where a.id = author_id)")
                .params(target.kind().name(), target.id(), threadId, authorId, body, Timestamp.from(at), lang)
                .query((rs, n) -> new Inserted(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2))).single();
    }

    /** False when the comment changed since {@code version} was read. */
    public boolean updateBody(long commentId, String body, Instant at, long version) {
        return jdbc.sql("update comment set body = ?, edited_at = ?, version = version + 1 where id = ? and version = ?")
                .params(body, Timestamp.from(at), commentId, version).update() != 0;
    }

    public void markDeleted(long commentId, Instant at) {
        jdbc.sql("update comment set deleted_at = ?, version = version + 1 where id = ?").params(Timestamp.from(at), commentId).update();
    }

    /** Top-level comments under the target, as {@code viewer} may see them. */
    public List<CommentRow> topLevel(ContentKey target, long viewer, boolean official, boolean newestFirst, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from comment c join account_public a on a.id = c.author_id"
                        + " where c.target_type = :type and c.target_id = :target and c.parent_id is null" + SHOWN
                        + " order by c.created_at " + (newestFirst ? "desc, c.id desc" : "asc, c.id asc") + " limit :limit offset :offset")
                .param("type", target.kind().name()).param("target", target.id()).param("viewer", viewer).param("official", official)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> row(rs)).list();
    }

    /** One top-level comment under the target, as {@code viewer} may see it. */
    public List<CommentRow> topLevel(ContentKey target, long commentId, long viewer, boolean official) {
        return jdbc.sql("select " + COLUMNS + " from comment c join account_public a on a.id = c.author_id"
                        + " where c.id = :id and c.target_type = :type and c.target_id = :target and c.parent_id is null" + SHOWN)
                .param("id", commentId).param("type", target.kind().name()).param("target", target.id()).param("viewer", viewer).param("official", official)
                .query((rs, n) -> row(rs)).list();
    }

    /** All replies to these comments, oldest first, as {@code viewer} may see them. */
    public List<CommentRow> replies(Collection<Long> parentIds, long viewer, boolean official) {
        return jdbc.sql("select " + COLUMNS + " from comment c join account_public a on a.id = c.author_id"
                        + " where c.parent_id in (:parents)" + SHOWN + " order by c.created_at, c.id")
                .param("parents", List.copyOf(parentIds)).param("viewer", viewer).param("official", official)
                .query((rs, n) -> row(rs)).list();
    }

    public List<MyComment> byAuthor(long authorId, int limit, int offset) {
        return jdbc.sql("select id, target_type, target_id, left(body, 160), created_at, deleted_at is not null from comment"
                        + " where author_id = ? order by created_at desc, id desc limit ? offset ?")
                .params(authorId, limit, offset)
                .query((rs, n) -> new MyComment(rs.getLong(1), ContentKey.stored(rs.getString(2), rs.getLong(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .list();
    }

    /** The comment, locked for a change by its author. */
    public Optional<OwnRow> lockForChange(long commentId) {
        return jdbc.sql("select author_id, target_type, target_id, created_at, deleted_at is not null, hidden from comment where id = ? for update")
                .param(commentId)
                .query((rs, n) -> new OwnRow(rs.getLong(1), ContentKey.stored(rs.getString(2), rs.getLong(3)), rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
    }

    public Map<Long, ContentSummary> summaries(Collection<Long> ids) {
        return jdbc.sql("select id, body, author_id, created_at, deleted_at is not null, target_type, target_id from comment where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new ContentSummary(null, rs.getString(2), rs.getLong(3),
                        ContentKey.stored(rs.getString(6), rs.getLong(7)), rs.getTimestamp(4).toInstant(), rs.getBoolean(5))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public long countBy(long authorId) {
        return jdbc.sql("select count(*) from comment where author_id = ?").param(authorId).query(Long.class).single();
    }

    /** Hides (with a reason) or shows the comments; says for each whether a shown comment appeared or went. */
    public List<Visibility> setHidden(Collection<Long> ids, String reason) {
        boolean hidden = reason != null;
        return jdbc.sql("""
                        with before as (select id, hidden as was from comment where id in (:ids) for update)
                        update comment c set hidden = :hidden, hidden_reason = :reason, version = c.version + 1
                        from before b where c.id = b.id
                        returning c.target_type, c.target_id, c.id, c.deleted_at is null and b.was <> :hidden""")
                .param("hidden", hidden).param("reason", reason).param("ids", ids)
                .query((rs, n) -> new Visibility(ContentKey.stored(rs.getString(1), rs.getLong(2)), rs.getLong(3), rs.getBoolean(4))).list();
    }

    /** The author's visible comments, locked. */
    public List<Dated> lockVisibleBy(long authorId) {
        return jdbc.sql("select id, created_at from comment where author_id = ? and not hidden and deleted_at is null for update")
                .param(authorId).query((rs, n) -> new Dated(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }

    private static CommentRow row(ResultSet rs) throws SQLException {
        return new CommentRow(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getLong("author_id"), rs.getString("display_name"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("edited_at") != null,
                rs.getTimestamp("deleted_at") != null, rs.getLong("version"), rs.getBoolean("hidden"), rs.getString("hidden_reason"),
                rs.getString("lang"));
    }
}
