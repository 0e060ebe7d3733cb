package org.participe.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.participe.accounts.AccountService;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.moderation.internal.AnswerDeadline;
import org.participe.moderation.internal.AuditLog;
import org.participe.moderation.internal.AutoHide;
import org.participe.moderation.internal.FlagBursts;
import org.participe.moderation.internal.FlagStore;
import org.participe.moderation.internal.FlagTrust;
import org.participe.moderation.internal.InboxActions;
import org.participe.moderation.internal.InboxRow;
import org.participe.moderation.internal.ModerationItems;
import org.participe.moderation.internal.QueueItem;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.FlagRules;
import org.participe.town.TownService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the platform civil: residents flag content; officials review the inbox and approve,
 * hide, restore, dismiss flags or block an author, one item or many at once. Every action leaves
 * an audit entry; an item changed by another official since it was read is never overwritten.
 */
@Service
@Transactional
public class ModerationService {

    public static final int NOTE_MAX = 1000;
    public static final int FLAG_NOTE_MAX = 500;
    static final String OFFICIAL = "hasRole('" + Roles.OFFICIAL + "')";
    private static final int FLAGS_PER_HOUR = 20;
    /** Inbox tabs count no further than this; past it they read "999+" ({@link #counts()}). */
    public static final int COUNT_LIMIT = 999;

    private final Map<ContentKind, ModeratedContent> kinds = new LinkedHashMap<>();
    private final ModerationItems queue;
    private final FlagStore flagStore;
    private final FlagBursts bursts;
    private final AuditLog audit;
    private final AccountService accounts;
    private final TownService town;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationService(List<ModeratedContent> kinds, ModerationItems queue, FlagStore flagStore, FlagBursts bursts, AuditLog audit,
                      AccountService accounts, TownService town, RateLimiter rateLimiter, CurrentUser currentUser,
                      ApplicationEventPublisher events, Clock clock) {
        kinds.forEach(kind -> this.kinds.put(kind.kind(), kind));
        this.queue = queue;
        this.flagStore = flagStore;
        this.bursts = bursts;
        this.audit = audit;
        this.accounts = accounts;
        this.town = town;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    // Flags -------------------------------------------------------------------------------------

    /**
     * A resident flags content, once per item. When the item's open flags from trusted accounts
     * (old enough, or having taken part: {@link FlagRules}) reach the town's number (3 by default),
     * it is hidden pending review and its author is told; an idea with many supports is never
     * hidden by flags alone: it waits in the officials' queue. A burst of flags alerts officials.
     *
     * @return whether this flag hid the item
     */
    @PreAuthorize("hasRole('" + Roles.RESIDENT + "')")
    public boolean flag(ContentKey ref, ModerationReason reason, String note) {
        ParticipeUser resident = currentUser.require();
        String cleanNote = note == null ? "" : note.strip();
        if (reason == null || !reason.chosen()) {
            throw InvalidInputException.of("reason", "flag.reason.required");
        }
        if (reason == ModerationReason.OTHER && TypedText.length(cleanNote) < 5) {
            throw InvalidInputException.of("note", "flag.note.required");
        }
        if (TypedText.length(cleanNote) > FLAG_NOTE_MAX) {
            throw InvalidInputException.of("note", "validation.max-length", FLAG_NOTE_MAX);
        }
        TypedText.require("note", cleanNote);
        ContentSummary content = summary(ref).filter(s -> !s.removed())
                .orElseThrow(() -> InvalidInputException.of("reason", "flag.unknown"));
        if (content.authorId() == resident.accountId()) {
            throw InvalidInputException.of("reason", "flag.own");
        }
        // Who flags is known before the item is locked: flags on one item wait for each other, not for this.
        FlagRules rules = town.flagRules();
        boolean trusted = FlagTrust.trusted(rules, () -> accounts.createdAt(resident.accountId()), clock.instant(),
                kinds.values().stream().map(kind -> (LongSupplier) () -> kind.countBy(resident.accountId())).toList());
        bursts.watch(ref, content.page(), clock.instant());
        kind(ref.kind()).lock(ref.id());
        QueueItem item = queue.lockOrCreate(ref, content);
        if (item.hidden() || item.pending()) {
            throw InvalidInputException.of("reason", "flag.unknown");
        }
        if (!rateLimiter.tryAcquire("flag", String.valueOf(resident.accountId()), FLAGS_PER_HOUR, Duration.ofHours(1))) {
            throw new TooManyRequestsException("flag.rate-limited");
        }
        Instant now = clock.instant();
        if (!flagStore.add(ref, resident.accountId(), reason, cleanNote.isEmpty() ? null : cleanNote, now, trusted)) {
            throw InvalidInputException.of("reason", "flag.already");
        }
        int open = queue.flagged(item, now);
        audit.record(resident.accountId(), "FLAG", ref, content.authorId(), reason.name(), cleanNote.isEmpty() ? null : cleanNote,
                null, "open flags: " + open);
        if (!AutoHide.hides(open, () -> flagStore.countedOpen(ref), town.profile().flagsToHide(), () -> kind(ref.kind()).supportCount(ref.id()), rules)) {
            return false;
        }
        setHidden(item, ModerationReason.FLAGGED, null);
        audit.record(null, "AUTO_HIDE", ref, content.authorId(), ModerationReason.FLAGGED.name(), null, "visible",
                "hidden: FLAGGED (" + open + " flags)");
        events.publishEvent(new ModerationEvents.ContentHidden(ref, content.authorId(), ModerationReason.FLAGGED, null,
                content.page(), true, clock.instant()));
        return true;
    }

    /** The kinds of content officials moderate, for the inbox's filter. */
    @PreAuthorize(OFFICIAL)
    public List<ContentKind> kinds() {
        return Arrays.stream(ContentKind.values()).filter(kinds::containsKey).toList();
    }

    /** Which of these items the signed-in person has flagged already (one statement). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<Long> flaggedByMe(ContentKind kind, Collection<Long> ids) {
        return flagStore.flaggedBy(currentUser.require().accountId(), kind, ids);
    }

    // The inbox ---------------------------------------------------------------------------------

    /**
     * A page of a tab, oldest first, each item with what officials may do on it: one statement for
     * the items, one per kind of content on the page.
     */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(InboxTab tab, ContentKind kind, int offset, int limit) {
        List<InboxRow> rows = queue.page(tab, kind != null && kinds.containsKey(kind) ? kind : null, tabClock(), offset, limit);
        return inboxItems(tab, rows);
    }

    /**
     * The number of items in each tab (one statement, each count served by its tab's index),
     * counted no further than {@link #COUNT_LIMIT}: past it, {@code COUNT_LIMIT + 1} ("999+"). A
     * city's inbox awaits answers on tens of thousands of ideas, and the navigation badge reads
     * these counts on every page an official opens.
     */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public Map<InboxTab, Long> counts() {
        return counts(COUNT_LIMIT);
    }

    Map<InboxTab, Long> counts(int limit) {
        return queue.counts(tabClock(), limit);
    }

    /** What needs an official now: pending, flagged, hidden by flags, overdue. The navigation shows it. */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public long needingAction() {
        Map<InboxTab, Long> counts = counts();
        return counts.get(InboxTab.PENDING) + counts.get(InboxTab.FLAGGED) + counts.get(InboxTab.AUTO_HIDDEN) + counts.get(InboxTab.OVERDUE);
    }

    /** An item's moderation state as officials see it in place, on the public page (version 0 when never moderated). */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public ItemVersion current(ContentKey ref) {
        return new ItemVersion(ref, queue.version(ref));
    }

    /** The moderation versions of a page of items, as officials see them drawn (0 for items never moderated): one statement. */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public Map<Long, Long> versions(ContentKind kind, Collection<Long> ids) {
        return queue.versions(kind, ids);
    }

    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<FlagView> flags(ContentKey ref) {
        return flagStore.of(ref);
    }

    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public AuthorRecord authorRecord(long authorId) {
        List<AuditEntry> recent = audit.recentAbout(authorId, 10);
        ModerationItems.AuthorStanding author = queue.author(authorId);
        return new AuthorRecord(authorId, author.name(), author.blockedAt() != null, author.blockedReason(), author.blockedAt(),
                author.flagsReceived(), author.itemsHidden(), recent);
    }

    // Actions -----------------------------------------------------------------------------------

    /** Publishes pending content. */
    @PreAuthorize(OFFICIAL)
    public ActionResult approve(List<ItemVersion> items) {
        return each(items, item -> {
            if (!item.pending()) {
                return false;
            }
            kind(item.ref().kind()).approve(item.ref().id());
            return true;
        });
    }

    /** Hides content with a reason (and a note): the author is told why. Open flags are settled. */
    @PreAuthorize(OFFICIAL)
    public ActionResult hide(List<ItemVersion> items, ModerationReason reason, String note) {
        if (reason == null || !reason.chosen()) {
            throw InvalidInputException.of("reason", "moderation.reason.required");
        }
        String cleanNote = cleanNote(note, reason == ModerationReason.OTHER);
        long official = currentUser.require().accountId();
        return each(items, item -> {
            if (item.hidden() && item.hiddenReason() == reason) {
                return false;
            }
            String before = item.hidden() ? "hidden: " + item.hiddenReason() : "visible";
            setHidden(item, reason, cleanNote);
            queue.settleOpenFlags(item);
            audit.record(official, "HIDE", item.ref(), item.authorId(), reason.name(), cleanNote, before, "hidden: " + reason);
            events.publishEvent(new ModerationEvents.ContentHidden(item.ref(), item.authorId(), reason, cleanNote, item.page(), false, clock.instant()));
            return true;
        });
    }

    /** Shows hidden content again; the flags that hid it are dismissed as unfounded. */
    @PreAuthorize(OFFICIAL)
    public ActionResult restore(List<ItemVersion> items, String note) {
        String cleanNote = cleanNote(note, false);
        long official = currentUser.require().accountId();
        return each(items, item -> {
            if (!item.hidden()) {
                return false;
            }
            if (item.hiddenReason() == ModerationReason.AUTHOR_BLOCKED && queue.authorBlocked(item.authorId())) {
                if (items.size() == 1) {
                    throw InvalidInputException.of("note", "moderation.restore.blocked");
                }
                return false;
            }
            String before = "hidden: " + item.hiddenReason();
            setHidden(item, null, null);
            dismissOpenFlags(item);
            audit.record(official, "RESTORE", item.ref(), item.authorId(), null, cleanNote, before, "visible");
            events.publishEvent(new ModerationEvents.ContentRestored(item.ref(), item.authorId(), item.page(), clock.instant()));
            return true;
        });
    }

    /** The flags were unfounded: the item leaves the flagged list and stays as it is. */
    @PreAuthorize(OFFICIAL)
    public ActionResult dismissFlags(List<ItemVersion> items, String note) {
        String cleanNote = cleanNote(note, false);
        long official = currentUser.require().accountId();
        return each(items, item -> {
            if (item.hidden() && item.hiddenReason() == ModerationReason.FLAGGED) {
                setHidden(item, null, null);
                dismissOpenFlags(item);
                audit.record(official, "RESTORE", item.ref(), item.authorId(), null, cleanNote, "hidden: FLAGGED", "visible");
                events.publishEvent(new ModerationEvents.ContentRestored(item.ref(), item.authorId(), item.page(), clock.instant()));
                return true;
            }
            int dismissed = dismissOpenFlags(item);
            if (dismissed == 0) {
                return false;
            }
            audit.record(official, "DISMISS_FLAGS", item.ref(), item.authorId(), null, cleanNote, "open flags: " + dismissed, "open flags: 0");
            return true;
        });
    }

    /**
     * Blocks authors: they stop participating, and all their visible content is hidden (undone
     * when they are unblocked). Officials, staff and administrators cannot be blocked.
     *
     * @return how many accounts were blocked now
     */
    @PreAuthorize(OFFICIAL)
    public int blockAuthors(Collection<Long> authorIds, String reason) {
        long official = currentUser.require().accountId();
        int blocked = 0;
        for (long authorId : new LinkedHashSet<>(authorIds)) {
            if (authorId == official) {
                throw InvalidInputException.of("reason", "moderation.block.not-resident");
            }
            if (!accounts.block(authorId, reason)) {
                continue;
            }
            int hidden = 0;
            for (ModeratedContent kind : kinds.values()) {
                List<ModeratedContent.Item> hiddenNow = kind.hideAllBy(authorId);
                hiddenNow.forEach(item -> queue.hiddenWithAuthor(kind.kind(), item.id(), authorId, item.createdAt(), clock.instant()));
                hidden += hiddenNow.size();
            }
            audit.record(official, "BLOCK", null, authorId, null, reason.strip(), "active", "blocked; content hidden: " + hidden);
            events.publishEvent(new ModerationEvents.AuthorBlocked(authorId, reason.strip(), clock.instant()));
            blocked++;
        }
        return blocked;
    }

    /** Lifts a block: the author participates again and what the block hid is public again. */
    @PreAuthorize(OFFICIAL)
    public void unblockAuthor(long authorId, String note) {
        String cleanNote = cleanNote(note, false);
        if (!accounts.unblock(authorId)) {
            return;
        }
        Map<ContentKind, List<Long>> byKind = queue.hiddenWithAuthor(authorId);
        byKind.forEach((kind, ids) -> kind(kind).setHidden(ids, null));
        queue.shownWithAuthor(authorId);
        int restored = byKind.values().stream().mapToInt(List::size).sum();
        audit.record(currentUser.require().accountId(), "UNBLOCK", null, authorId, null, cleanNote, "blocked",
                "active; content restored: " + restored);
        events.publishEvent(new ModerationEvents.AuthorUnblocked(authorId, clock.instant()));
    }

    // Rules -------------------------------------------------------------------------------------

    private interface Action {
        boolean apply(QueueItem item);
    }

    /**
     * Applies an action to each item in this transaction. One item changed by someone else since it
     * was read is a conflict (an exception, nothing written); among several, those are left alone and reported.
     */
    private ActionResult each(List<ItemVersion> requested, Action action) {
        if (requested.isEmpty()) {
            return new ActionResult(0, List.of());
        }
        Map<ContentKind, Map<Long, ContentSummary>> summaries = new HashMap<>();
        requested.stream().collect(Collectors.groupingBy(wanted -> wanted.ref().kind(), Collectors.mapping(wanted -> wanted.ref().id(), Collectors.toList())))
                .forEach((kind, ids) -> summaries.put(kind, kind(kind).summaries(ids)));
        int done = 0;
        List<ContentKey> conflicts = new ArrayList<>();
        for (ItemVersion wanted : requested) {
            kind(wanted.ref().kind()).lock(wanted.ref().id());
            ContentSummary content = Optional.ofNullable(summaries.get(wanted.ref().kind()).get(wanted.ref().id()))
                    .orElseThrow(() -> InvalidInputException.of("items", "moderation.unknown"));
            QueueItem item = queue.lockOrCreate(wanted.ref(), content);
            if (item.version() != wanted.version()) {
                if (requested.size() == 1) {
                    throw new OptimisticLockingFailureException("Another official acted on " + wanted.ref());
                }
                conflicts.add(wanted.ref());
                continue;
            }
            if (action.apply(item)) {
                done++;
            }
        }
        return new ActionResult(done, List.copyOf(conflicts));
    }

    private void setHidden(QueueItem item, ModerationReason reason, String note) {
        queue.setHidden(item, reason, note, clock.instant());
        kind(item.ref().kind()).setHidden(List.of(item.ref().id()), reason);
    }

    private int dismissOpenFlags(QueueItem item) {
        int dismissed = flagStore.dismissOpen(item.ref(), clock.instant());
        if (dismissed > 0) {
            queue.openFlagsDismissed(item);
        }
        return dismissed;
    }

    private Optional<ContentSummary> summary(ContentKey ref) {
        return Optional.ofNullable(kind(ref.kind()).summaries(List.of(ref.id())).get(ref.id()));
    }

    private ModeratedContent kind(ContentKind contentKind) {
        ModeratedContent kind = kinds.get(contentKind);
        if (kind == null) {
            throw InvalidInputException.of("items", "moderation.unknown");
        }
        return kind;
    }

    private static String cleanNote(String note, boolean required) {
        String clean = note == null ? "" : note.strip();
        if (required && TypedText.length(clean) < 5) {
            throw InvalidInputException.of("note", "moderation.note.required");
        }
        if (TypedText.length(clean) > NOTE_MAX) {
            throw InvalidInputException.of("note", "validation.max-length", NOTE_MAX);
        }
        return clean.isEmpty() ? null : TypedText.require("note", clean);
    }

    /** Now, and the publication date before which an idea awaits an answer even without reaching its threshold. */
    private ModerationItems.TabClock tabClock() {
        Instant now = clock.instant();
        return new ModerationItems.TabClock(now, now.minus(Duration.ofDays(town.profile().unansweredAlertDays())));
    }

    private List<InboxItem> inboxItems(InboxTab tab, List<InboxRow> rows) {
        Map<ContentKind, Map<Long, ContentSummary>> summaries = new HashMap<>();
        rows.stream().collect(Collectors.groupingBy(r -> r.ref().kind(), Collectors.mapping(r -> r.ref().id(), Collectors.toList())))
                .forEach((kind, ids) -> summaries.put(kind, kind(kind).summaries(ids)));
        Instant now = clock.instant();
        Set<InboxAction> actions = InboxActions.in(tab);
        return rows.stream().map(r -> {
            ContentSummary s = summaries.get(r.ref().kind()).get(r.ref().id());
            return new InboxItem(r.ref(), r.version(), s == null ? null : s.title(), s == null ? "" : s.text(), s == null || s.page() == null ? null : s.page().path(),
                    r.authorId(), r.authorName(), r.authorBlocked(), r.createdAt(), r.since(), r.pending(), r.hidden(), r.hiddenReason(),
                    r.hiddenNote(), r.openFlags(), r.reasons(), r.dueAt(), r.answeredAt(), r.assigneeName(), r.assigneeService(),
                    AnswerDeadline.overdue(r.dueAt(), r.answeredAt(), now), tab, actions);
        }).toList();
    }
}
