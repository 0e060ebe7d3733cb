package org.participe.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.participe.base.i18n.LocalePreference;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments under any commentable content, with one level of replies. A page is two SQL
 * statements (the comments, then all their replies), so a discussion of thousands stays fast.
 */
@Service
@Transactional
public class CommentService {

    public static final int MAX_LENGTH = 2000;
    public static final int PAGE_SIZE = 20;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private static final String COLUMNS = """
            c.id, c.parent_id, c.author_id, a.display_name, c.body, c.created_at, c.edited_at, c.deleted_at, c.version, c.hidden, c.hidden_reason, c.lang""";
    /** Hidden comments are shown only to their author (with the reason) and to officials. */
    private static final String SHOWN = " and (not c.hidden or c.author_id = :viewer or :official)";

    private final JdbcClient jdbc;
    private final Map<String, CommentTarget> targets = new LinkedHashMap<>();
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalePreference languages;
    private final int commentsPerHour;

    CommentService(JdbcClient jdbc, List<CommentTarget> targets, RateLimiter rateLimiter, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock, LocalePreference languages,
                   @Value("${participe.comments.per-hour:30}") int commentsPerHour) {
        this.jdbc = jdbc;
        targets.forEach(target -> this.targets.put(target.type(), target));
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.languages = languages;
        this.commentsPerHour = commentsPerHour;
    }

    /** Posts a comment, or a reply when {@code parentId} is given (a reply to a reply joins its thread). */
    @PreAuthorize("hasRole('" + Roles.RESIDENT + "')")
    public long post(String targetType, long targetId, Long parentId, String text) {
        ParticipeUser author = currentUser.require();
        String body = validBody(text);
        if (!target(targetType).acceptsComments(targetId)) {
            throw InvalidInputException.of("body", "comment.closed");
        }
        Long threadId = null;
        long parentAuthor = 0;
        if (parentId != null) {
            var parent = jdbc.sql("select id, parent_id, author_id from comment where id = ? and target_type = ? and target_id = ? and not hidden")
                    .params(parentId, targetType, targetId)
                    .query((rs, n) -> new long[]{rs.getLong(1), rs.getObject(2) == null ? 0 : rs.getLong(2), rs.getLong(3)})
                    .optional().orElseThrow(() -> InvalidInputException.of("body", "comment.parent.unknown"));
            threadId = parent[1] != 0 ? parent[1] : parent[0];
            parentAuthor = parent[2];
        }
        if (!rateLimiter.tryAcquire("comment", String.valueOf(author.accountId()), commentsPerHour, Duration.ofHours(1))) {
            throw new TooManyRequestsException("comment.rate-limited");
        }
        long id = jdbc.sql("insert into comment (target_type, target_id, parent_id, author_id, body, created_at, lang) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(targetType, targetId, threadId, author.accountId(), body, Timestamp.from(clock.instant()), languages.writingLanguage())
                .query(Long.class).single();
        events.publishEvent(new CommentEvents.CommentPosted(targetType, targetId, id, author.accountId()));
        if (threadId != null) {
            events.publishEvent(new CommentEvents.ReplyPosted(targetType, targetId, id, author.accountId(), threadId, parentAuthor));
        }
        return id;
    }

    /** The author corrects a comment within 15 minutes; it is then marked "edited". */
    @PreAuthorize("hasRole('" + Roles.RESIDENT + "')")
    public void edit(long commentId, String text, long version) {
        var row = ownRow(commentId);
        if (row.deleted() || row.hidden() || clock.instant().isAfter(row.createdAt().plus(EDIT_WINDOW))) {
            throw InvalidInputException.of("body", "comment.edit.closed");
        }
        String body = validBody(text);
        int updated = jdbc.sql("update comment set body = ?, edited_at = ?, version = version + 1 where id = ? and version = ?")
                .params(body, Timestamp.from(clock.instant()), commentId, version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("The comment changed since it was read");
        }
        events.publishEvent(new CommentEvents.CommentEdited(row.targetType(), row.targetId(), commentId));
    }

    /** The author deletes a comment: it reads "comment deleted", its replies stay. */
    @PreAuthorize("hasRole('" + Roles.RESIDENT + "')")
    public void delete(long commentId) {
        var row = ownRow(commentId);
        if (row.deleted()) {
            return;
        }
        jdbc.sql("update comment set deleted_at = ?, version = version + 1 where id = ?").params(Timestamp.from(clock.instant()), commentId).update();
        events.publishEvent(new CommentEvents.CommentDeleted(row.targetType(), row.targetId(), commentId));
    }

    /** A page of threads, oldest or newest first, with all their replies: two statements. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public CommentPage page(String targetType, long targetId, boolean newestFirst, int offset) {
        if (!target(targetType).isVisible(targetId)) {
            return new CommentPage(List.of(), false);
        }
        long viewer = currentUser.get().map(ParticipeUser::accountId).orElse(-1L);
        boolean official = currentUser.hasRole(Roles.OFFICIAL);
        List<CommentView> top = jdbc.sql("select " + COLUMNS + " from comment c join account_public a on a.id = c.author_id"
                        + " where c.target_type = :type and c.target_id = :target and c.parent_id is null" + SHOWN
                        + " order by c.created_at " + (newestFirst ? "desc, c.id desc" : "asc, c.id asc") + " limit :limit offset :offset")
                .param("type", targetType).param("target", targetId).param("viewer", viewer).param("official", official)
                .param("limit", PAGE_SIZE + 1).param("offset", Math.max(0, offset))
                .query((rs, n) -> view(rs, viewer)).list();
        boolean hasMore = top.size() > PAGE_SIZE;
        List<CommentView> shown = hasMore ? top.subList(0, PAGE_SIZE) : top;
        return new CommentPage(withReplies(shown, viewer, official), hasMore);
    }

    /**
     * One thread, found by its top-level comment, as {@link #page} would show it: so that a
     * person's own new comment is on screen even when it falls beyond the pages on display.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<CommentThread> thread(String targetType, long targetId, long commentId) {
        if (!target(targetType).isVisible(targetId)) {
            return Optional.empty();
        }
        long viewer = currentUser.get().map(ParticipeUser::accountId).orElse(-1L);
        boolean official = currentUser.hasRole(Roles.OFFICIAL);
        List<CommentView> top = jdbc.sql("select " + COLUMNS + " from comment c join account_public a on a.id = c.author_id"
                        + " where c.id = :id and c.target_type = :type and c.target_id = :target and c.parent_id is null" + SHOWN)
                .param("id", commentId).param("type", targetType).param("target", targetId).param("viewer", viewer).param("official", official)
                .query((rs, n) -> view(rs, viewer)).list();
        return withReplies(top, viewer, official).stream().findFirst();
    }

    private List<CommentThread> withReplies(List<CommentView> shown, long viewer, boolean official) {
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        shown.forEach(comment -> replies.put(comment.id(), new ArrayList<>()));
        if (!shown.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from comment c join account_public a on a.id = c.author_id"
                            + " where c.parent_id in (:parents)" + SHOWN + " order by c.created_at, c.id")
                    .param("parents", List.copyOf(replies.keySet())).param("viewer", viewer).param("official", official)
                    .query((rs, n) -> view(rs, viewer)).list()
                    .forEach(reply -> replies.get(reply.parentId()).add(reply));
        }
        return shown.stream().map(c -> new CommentThread(c, List.copyOf(replies.get(c.id())))).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyComment> myComments(int offset, int limit) {
        return jdbc.sql("select id, target_type, target_id, left(body, 160), created_at, deleted_at is not null from comment"
                        + " where author_id = ? order by created_at desc, id desc limit ? offset ?")
                .params(currentUser.require().accountId(), limit, offset)
                .query((rs, n) -> new MyComment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .list();
    }

    private record OwnRow(String targetType, long targetId, Instant createdAt, boolean deleted, boolean hidden) {
    }

    private OwnRow ownRow(long commentId) {
        ParticipeUser user = currentUser.require();
        var row = jdbc.sql("select author_id, target_type, target_id, created_at, deleted_at is not null, hidden from comment where id = ? for update")
                .param(commentId)
                .query((rs, n) -> new Object[]{rs.getLong(1), new OwnRow(rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5), rs.getBoolean(6))})
                .optional().orElseThrow(() -> InvalidInputException.of("body", "comment.unknown"));
        if ((long) row[0] != user.accountId()) {
            throw new AccessDeniedException("Only the author changes a comment");
        }
        return (OwnRow) row[1];
    }

    private CommentTarget target(String type) {
        CommentTarget target = targets.get(type);
        if (target == null) {
            throw new IllegalArgumentException("Nothing of kind " + type + " takes comments");
        }
        return target;
    }

    private static String validBody(String text) {
        String body = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (body.isEmpty() || TypedText.length(body) > MAX_LENGTH) {
            throw InvalidInputException.of("body", "validation.length", 1, MAX_LENGTH);
        }
        return TypedText.require("body", body);
    }

    private CommentView view(ResultSet rs, long viewer) throws SQLException {
        boolean deleted = rs.getTimestamp("deleted_at") != null;
        Instant created = rs.getTimestamp("created_at").toInstant();
        boolean mine = rs.getLong("author_id") == viewer;
        return new CommentView(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getLong("author_id"), rs.getString("display_name"),
                deleted ? null : rs.getString("body"), created, rs.getTimestamp("edited_at") != null, deleted, mine,
                mine && !deleted && !rs.getBoolean("hidden") && clock.instant().isBefore(created.plus(EDIT_WINDOW)), rs.getLong("version"),
                rs.getBoolean("hidden"), rs.getString("hidden_reason"), rs.getString("lang"));
    }
}
