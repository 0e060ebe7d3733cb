package org.participe.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.comments.internal.CommentStore;
import org.participe.comments.internal.CommentStore.CommentRow;
import org.participe.comments.internal.CommentStore.OwnRow;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final CommentStore store;
    private final Map<ContentKind, CommentTarget> targets = new EnumMap<>(ContentKind.class);
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalePreference languages;
    private final int commentsPerHour;

    CommentService(CommentStore store, List<CommentTarget> targets, RateLimiter rateLimiter, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock, LocalePreference languages,
                   @Value("${participe.comments.per-hour:30}") int commentsPerHour) {
        this.store = store;
        targets.forEach(target -> this.targets.put(target.kind(), target));
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.languages = languages;
        this.commentsPerHour = commentsPerHour;
    }

    /** Posts a comment, or a reply when {@code parentId} is given (a reply to a reply joins its thread). */
    @PreAuthorize("hasRole('" + Roles.RESIDENT + "')")
    public long post(ContentKey target, Long parentId, String text) {
        ParticipeUser author = currentUser.require();
        String body = validBody(text);
        CommentTarget owner = target(target.kind());
        String title = owner.titleIfOpen(target.id()).orElseThrow(() -> InvalidInputException.of("body", "comment.closed"));
        Long threadId = null;
        long parentAuthor = 0;
        long threadAuthor = 0;
        if (parentId != null) {
            var parent = store.parent(parentId, target)
                    .orElseThrow(() -> InvalidInputException.of("body", "comment.parent.unknown"));
            threadId = parent.threadId();
            parentAuthor = parent.authorId();
            threadAuthor = parent.threadAuthorId();
        }
        if (!rateLimiter.tryAcquire("comment", String.valueOf(author.accountId()), commentsPerHour, Duration.ofHours(1))) {
            throw new TooManyRequestsException("comment.rate-limited");
        }
        var inserted = store.insert(target, threadId, author.accountId(), body, clock.instant(), languages.writingLanguage());
        long id = inserted.id();
        String authorName = inserted.authorName();
        events.publishEvent(new CommentEvents.CommentPosted(target, id, author.accountId(), authorName, title,
                threadId == null ? null : threadAuthor));
        if (threadId != null) {
            events.publishEvent(new CommentEvents.ReplyPosted(target, id, author.accountId(), threadId, parentAuthor, authorName, title));
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
        if (!store.updateBody(commentId, body, clock.instant(), version)) {
            throw new OptimisticLockingFailureException("The comment changed since it was read");
        }
        events.publishEvent(new CommentEvents.CommentEdited(row.target(), commentId));
    }

    /** The author deletes a comment: it reads "comment deleted", its replies stay. */
    @PreAuthorize("hasRole('" + Roles.RESIDENT + "')")
    public void delete(long commentId) {
        var row = ownRow(commentId);
        if (row.deleted()) {
            return;
        }
        store.markDeleted(commentId, clock.instant());
        events.publishEvent(new CommentEvents.CommentDeleted(row.target(), commentId));
    }

    /** A page of threads, oldest or newest first, with all their replies: two statements. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public CommentPage page(ContentKey target, boolean newestFirst, int offset) {
        if (!target(target.kind()).isVisible(target.id())) {
            return new CommentPage(List.of(), false);
        }
        long viewer = currentUser.get().map(ParticipeUser::accountId).orElse(-1L);
        boolean official = currentUser.hasRole(Roles.OFFICIAL);
        boolean resident = currentUser.hasRole(Roles.RESIDENT);
        List<CommentView> top = store.topLevel(target, viewer, official, newestFirst, PAGE_SIZE + 1, Math.max(0, offset)).stream()
                .map(row -> view(row, viewer, resident, official)).toList();
        boolean hasMore = top.size() > PAGE_SIZE;
        List<CommentView> shown = hasMore ? top.subList(0, PAGE_SIZE) : top;
        return new CommentPage(withReplies(shown, viewer, resident, official), hasMore);
    }

    /**
     * One thread, found by its top-level comment, as {@link #page} would show it: so that a
     * person's own new comment is on screen even when it falls beyond the pages on display.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<CommentThread> thread(ContentKey target, long commentId) {
        if (!target(target.kind()).isVisible(target.id())) {
            return Optional.empty();
        }
        long viewer = currentUser.get().map(ParticipeUser::accountId).orElse(-1L);
        boolean official = currentUser.hasRole(Roles.OFFICIAL);
        boolean resident = currentUser.hasRole(Roles.RESIDENT);
        List<CommentView> top = store.topLevel(target, commentId, viewer, official).stream()
                .map(row -> view(row, viewer, resident, official)).toList();
        return withReplies(top, viewer, resident, official).stream().findFirst();
    }

    private List<CommentThread> withReplies(List<CommentView> shown, long viewer, boolean resident, boolean official) {
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        shown.forEach(comment -> replies.put(comment.id(), new ArrayList<>()));
        if (!shown.isEmpty()) {
            store.replies(replies.keySet(), viewer, official).stream()
                    .map(row -> view(row, viewer, resident, official))
                    .forEach(reply -> replies.get(reply.parentId()).add(reply));
        }
        return shown.stream().map(c -> new CommentThread(c, List.copyOf(replies.get(c.id())))).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyComment> myComments(int offset, int limit) {
        return store.byAuthor(currentUser.require().accountId(), limit, offset);
    }

    private OwnRow ownRow(long commentId) {
        ParticipeUser user = currentUser.require();
        OwnRow row = store.lockForChange(commentId)
                .orElseThrow(() -> InvalidInputException.of("body", "comment.unknown"));
        if (row.authorId() != user.accountId()) {
            throw new AccessDeniedException("Only the author changes a comment");
        }
        return row;
    }

    private CommentTarget target(ContentKind kind) {
        CommentTarget target = targets.get(kind);
        if (target == null) {
            throw new IllegalArgumentException("Nothing of kind " + kind + " takes comments");
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

    private CommentView view(CommentRow row, long viewer, boolean resident, boolean official) {
        boolean deleted = row.deleted();
        boolean hidden = row.hidden();
        Instant created = row.createdAt();
        boolean mine = row.authorId() == viewer;
        CommentCapabilities can = CommentPermissions.of(resident, official, mine, deleted, hidden,
                clock.instant().isBefore(created.plus(EDIT_WINDOW)));
        return new CommentView(row.id(), row.parentId(), row.authorId(), row.authorName(),
                deleted ? null : row.body(), created, row.edited(), deleted, mine,
                can.edit(), row.version(), hidden, row.hiddenReason(), row.lang(), can);
    }
}
