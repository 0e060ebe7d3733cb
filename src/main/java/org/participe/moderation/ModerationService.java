package org.participe.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.participe.accounts.AccountService;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.moderation.internal.AuditLog;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.FlagRules;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final String ITEM_COLUMNS = """
            m.content_type, m.content_id, m.version, m.author_id, a.display_name as author_name, a.blocked_at is not null as author_blocked,
            m.content_created_at, m.pending, m.hidden, m.hidden_reason, m.hidden_note, m.open_flag_count, m.due_at, m.answered_at,
            m.assignee_service, asg.display_name as assignee_name,
            (select string_agg(f.reason || '=' || f.n, ',') from (select reason, count(*) as n from flag
                where flag.content_type = m.content_type and flag.content_id = m.content_id and flag.dismissed_at is null
                group by reason) f) as flag_reasons""";

    private final JdbcClient jdbc;
    private final Map<String, ModeratedContent> kinds = new LinkedHashMap<>();
    private final AccountService accounts;
    private final TownService town;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FlagBursts bursts;

    ModerationService(JdbcClient jdbc, List<ModeratedContent> kinds, AccountService accounts, TownService town, AuditLog audit,
                      RateLimiter rateLimiter, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
                      @Value("${participe.moderation.flag-burst.flags:10}") int burstFlags,
                      @Value("${participe.moderation.flag-burst.flags-on-one-item:5}") int burstFlagsOnOneItem,
                      @Value("${participe.moderation.flag-burst.minutes:30}") int burstMinutes) {
        this.bursts = new FlagBursts(burstFlags, burstFlagsOnOneItem, Duration.ofMinutes(burstMinutes));
        this.jdbc = jdbc;
        kinds.forEach(kind -> this.kinds.put(kind.type(), kind));
        this.accounts = accounts;
        this.town = town;
        this.audit = audit;
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
    public boolean flag(ContentRef ref, ModerationReason reason, String note) {
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
        boolean trusted = trusted(resident.accountId(), rules);
        bursts.watch(ref, content.pagePath(), clock.instant());
        kind(ref.type()).lock(ref.id());
        Item item = lockOrCreate(ref, content);
        if (item.hidden() || item.pending()) {
            throw InvalidInputException.of("reason", "flag.unknown");
        }
        if (!rateLimiter.tryAcquire("flag", String.valueOf(resident.accountId()), FLAGS_PER_HOUR, Duration.ofHours(1))) {
            throw new TooManyRequestsException("flag.rate-limited");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        insert into flag (content_type, content_id, account_id, reason, note, created_at, counts_toward_hide)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (content_type, content_id, account_id) do nothing""")
                .params(ref.type(), ref.id(), resident.accountId(), reason.name(), cleanNote.isEmpty() ? null : cleanNote, now, trusted).update();
        if (inserted == 0) {
            throw InvalidInputException.of("reason", "flag.already");
        }
        int open = jdbc.sql("""
                        update moderation_item set flag_count = flag_count + 1, open_flag_count = open_flag_count + 1,
                               first_open_flag_at = coalesce(first_open_flag_at, ?), updated_at = ?, version = version + 1
                        where id = ? returning open_flag_count""")
                .params(now, now, item.id()).query(Integer.class).single();
        audit.record(resident.accountId(), "FLAG", ref, content.authorId(), reason.name(), cleanNote.isEmpty() ? null : cleanNote,
                null, "open flags: " + open);
        int flagsToHide = town.profile().flagsToHide();
        if (open < flagsToHide || countedOpenFlags(ref) < flagsToHide || !rules.flagsMayHide(kind(ref.type()).supportCount(ref.id()))) {
            return false;
        }
        setHidden(item, ModerationReason.FLAGGED, null);
        audit.record(null, "AUTO_HIDE", ref, content.authorId(), ModerationReason.FLAGGED.name(), null, "visible",
                "hidden: FLAGGED (" + open + " flags)");
        events.publishEvent(new ModerationEvents.ContentHidden(ref, content.authorId(), ModerationReason.FLAGGED, null,
                content.pagePath(), true, clock.instant()));
        return true;
    }

    /** The item's open flags from accounts that were trusted when they flagged. */
    private int countedOpenFlags(ContentRef ref) {
        return jdbc.sql("select count(*) from flag where content_type = ? and content_id = ? and dismissed_at is null and counts_toward_hide")
                .params(ref.type(), ref.id()).query(Integer.class).single();
    }

    /** Whether the account is old enough, or has taken part enough, for its flags to hide content. */
    private boolean trusted(long accountId, FlagRules rules) {
        if (rules.trusts(0, 0)) {
            return true;
        }
        long ageDays = accounts.createdAt(accountId).map(created -> Duration.between(created, clock.instant()).toDays()).orElse(0L);
        if (rules.trusts(ageDays, 0)) {
            return true;
        }
        long contributions = 0;
        for (ModeratedContent kind : kinds.values()) {
            contributions += kind.countBy(accountId);
            if (rules.trusts(ageDays, contributions)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Alerts officials once per burst: so many flags across all content, or on one item, within a
     * window, alert once; the next alert of the same scope waits until the window has passed.
     */
    private final class FlagBursts {

        private final int flags;
        private final int flagsOnOneItem;
        private final Duration window;
        /** The scope of a burst across all content, as a key of {@link #lastAlerts}. */
        private static final ContentRef ALL = new ContentRef("ALL", 0);
        /** When each scope was last alerted, as far as this instance knows. */
        private final Map<ContentRef, Instant> lastAlerts = new java.util.concurrent.ConcurrentHashMap<>();

        FlagBursts(int flags, int flagsOnOneItem, Duration window) {
            this.flags = flags;
            this.flagsOnOneItem = flagsOnOneItem;
            this.window = window;
        }

        /**
         * Runs before the flagged item is locked, so that flags on one item do not queue behind it;
         * the flag being made counts as one more. Once a burst was alerted, the next flags of the
         * window learn it from memory (or, on another instance, from one read) and take no lock.
         */
        void watch(ContentRef ref, String pagePath, Instant now) {
            Timestamp since = Timestamp.from(now.minus(window));
            // Counted no further than the thresholds, in one statement: this runs on every flag.
            int[] counts = jdbc.sql("""
                            select (select count(*) from (select 1 from flag where created_at > :since limit :flags) a),
                                   (select count(*) from (select 1 from flag where content_type = :type and content_id = :id and created_at > :since
                                                          limit :onItem) i)""")
                    .param("since", since).param("flags", flags).param("type", ref.type()).param("id", ref.id()).param("onItem", flagsOnOneItem)
                    .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
            int overall = counts[0] + 1;
            int onItem = counts[1] + 1;
            if (overall >= flags && !alerted(ALL, since)) {
                alertOnce(null, null, overall, now, since);
            } else if (onItem >= flagsOnOneItem && !alerted(ref, since)) {
                alertOnce(ref, pagePath, onItem, now, since);
            }
        }

        /** Whether this scope was alerted within the window: from memory, else from the alerts table. */
        private boolean alerted(ContentRef scope, Timestamp since) {
            Instant last = lastAlerts.get(scope);
            if (last != null && last.isAfter(since.toInstant())) {
                return true;
            }
            ContentRef ref = scope == ALL ? null : scope;
            Optional<Timestamp> stored = jdbc.sql("""
                            select alerted_at from flag_burst_alert
                            where content_type is not distinct from ? and content_id is not distinct from ? and alerted_at > ?
                            order by alerted_at desc limit 1""")
                    .params(ref == null ? null : ref.type(), ref == null ? null : ref.id(), since).query(Timestamp.class).optional();
            stored.ifPresent(at -> lastAlerts.put(scope, at.toInstant()));
            return stored.isPresent();
        }

        /** One alert per burst even when flags arrive together: the check and the alert row commit under this lock. */
        private void alertOnce(ContentRef ref, String pagePath, int count, Instant now, Timestamp since) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('flag-burst'))").query((rs, n) -> 1).list();
            lastAlerts.remove(ref == null ? ALL : ref);
            if (alerted(ref == null ? ALL : ref, since)) {
                return;
            }
            jdbc.sql("insert into flag_burst_alert (content_type, content_id, flag_count, alerted_at) values (?, ?, ?, ?)")
                    .params(ref == null ? null : ref.type(), ref == null ? null : ref.id(), count, Timestamp.from(now)).update();
            lastAlerts.entrySet().removeIf(entry -> entry.getValue().isBefore(since.toInstant()));
            events.publishEvent(new ModerationEvents.FlagBurst(ref, pagePath, count, (int) window.toMinutes(), now));
        }
    }

    /** Which of these items the signed-in person has flagged already (one statement). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<Long> flaggedByMe(String type, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select content_id from flag where account_id = :me and content_type = :type and content_id in (:ids)")
                .param("me", currentUser.require().accountId()).param("type", type).param("ids", ids).query(Long.class).list());
    }

    // The inbox ---------------------------------------------------------------------------------

    /** A page of a tab, oldest first: one statement for the items, one per kind of content on the page. */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(InboxTab tab, String type, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = tabCondition(tab, params);
        if (type != null && kinds.containsKey(type)) {
            where += " and m.content_type = :type";
            params.put("type", type);
        }
        params.put("limit", limit);
        params.put("offset", offset);
        String since = sinceColumn(tab);
        List<Row> rows = jdbc.sql("select " + ITEM_COLUMNS + ", " + since + " as since"
                        + " from moderation_item m join account a on a.id = m.author_id left join account asg on asg.id = m.assignee_id"
                        + " where " + where + " order by " + since + ", m.id limit :limit offset :offset")
                .params(params).query(ModerationService::row).list();
        return items(rows);
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
        Map<String, Object> params = new HashMap<>();
        params.put("countLimit", limit + 1);
        List<String> counts = new ArrayList<>();
        for (InboxTab tab : InboxTab.values()) {
            counts.add("(select count(*) from (select 1 from moderation_item m where " + tabCondition(tab, params) + " limit :countLimit) c)");
        }
        return jdbc.sql("select " + String.join(", ", counts)).params(params).query((rs, n) -> {
            Map<InboxTab, Long> result = new EnumMap<>(InboxTab.class);
            for (InboxTab tab : InboxTab.values()) {
                result.put(tab, rs.getLong(tab.ordinal() + 1));
            }
            return result;
        }).single();
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
    public ItemVersion current(ContentRef ref) {
        return new ItemVersion(ref, jdbc.sql("select version from moderation_item where content_type = ? and content_id = ?")
                .params(ref.type(), ref.id()).query(Long.class).optional().orElse(0L));
    }

    /** The moderation versions of a page of items, as officials see them drawn (0 for items never moderated): one statement. */
    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public Map<Long, Long> versions(String type, Collection<Long> ids) {
        Map<Long, Long> versions = new HashMap<>();
        ids.forEach(id -> versions.put(id, 0L));
        if (!ids.isEmpty()) {
            jdbc.sql("select content_id, version from moderation_item where content_type = :type and content_id in (:ids)")
                    .param("type", type).param("ids", ids).query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return versions;
    }

    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public List<FlagView> flags(ContentRef ref) {
        return jdbc.sql("select reason, note, created_at, dismissed_at is not null from flag where content_type = ? and content_id = ? order by created_at, id")
                .params(ref.type(), ref.id())
                .query((rs, n) -> new FlagView(ModerationReason.valueOf(rs.getString(1)), rs.getString(2), instant(rs, "created_at"),
                        rs.getBoolean(4)))
                .list();
    }

    @PreAuthorize(OFFICIAL)
    @Transactional(readOnly = true)
    public AuthorRecord authorRecord(long authorId) {
        List<AuditEntry> recent = jdbc.sql(ModerationAudit.SELECT + " where m.target_account_id = ? and m.action <> 'FLAG'"
                        + " order by m.occurred_at desc, m.id desc limit 10")
                .param(authorId).query(ModerationAudit::entry).list();
        return jdbc.sql("""
                        select a.display_name, a.blocked_at, a.blocked_reason,
                               (select coalesce(sum(flag_count), 0) from moderation_item where author_id = a.id),
                               (select count(*) from moderation_item where author_id = a.id and hidden)
                        from account a where a.id = ?""")
                .param(authorId)
                .query((rs, n) -> new AuthorRecord(authorId, rs.getString(1), rs.getTimestamp(2) != null, rs.getString(3),
                        instant(rs, "blocked_at"), rs.getInt(4), rs.getInt(5), recent))
                .single();
    }

    // Actions -----------------------------------------------------------------------------------

    /** Publishes pending content. */
    @PreAuthorize(OFFICIAL)
    public ActionResult approve(List<ItemVersion> items) {
        return each(items, item -> {
            if (!item.pending()) {
                return false;
            }
            kind(item.ref().type()).approve(item.ref().id());
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
            jdbc.sql("update moderation_item set open_flag_count = 0, first_open_flag_at = null where id = ?").param(item.id()).update();
            audit.record(official, "HIDE", item.ref(), item.authorId(), reason.name(), cleanNote, before, "hidden: " + reason);
            events.publishEvent(new ModerationEvents.ContentHidden(item.ref(), item.authorId(), reason, cleanNote, item.pagePath(), false, clock.instant()));
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
            if (item.hiddenReason() == ModerationReason.AUTHOR_BLOCKED && isBlocked(item.authorId())) {
                if (items.size() == 1) {
                    throw InvalidInputException.of("note", "moderation.restore.blocked");
                }
                return false;
            }
            String before = "hidden: " + item.hiddenReason();
            setHidden(item, null, null);
            dismissOpenFlags(item);
            audit.record(official, "RESTORE", item.ref(), item.authorId(), null, cleanNote, before, "visible");
            events.publishEvent(new ModerationEvents.ContentRestored(item.ref(), item.authorId(), item.pagePath(), clock.instant()));
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
                events.publishEvent(new ModerationEvents.ContentRestored(item.ref(), item.authorId(), item.pagePath(), clock.instant()));
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
                List<ModeratedContent.Item> items = kind.hideAllBy(authorId);
                for (ModeratedContent.Item item : items) {
                    jdbc.sql("""
                                    insert into moderation_item (content_type, content_id, author_id, content_created_at, hidden, hidden_reason, hidden_at)
                                    values (?, ?, ?, ?, true, 'AUTHOR_BLOCKED', ?)
                                    on conflict (content_type, content_id) do update
                                        set hidden = true, hidden_reason = 'AUTHOR_BLOCKED', hidden_note = null, hidden_at = excluded.hidden_at,
                                            updated_at = now(), version = moderation_item.version + 1""")
                            .params(kind.type(), item.id(), authorId, Timestamp.from(item.createdAt()), Timestamp.from(clock.instant()))
                            .update();
                }
                hidden += items.size();
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
        Map<String, List<Long>> byKind = new HashMap<>();
        jdbc.sql("select content_type, content_id from moderation_item where author_id = ? and hidden and hidden_reason = 'AUTHOR_BLOCKED'")
                .param(authorId)
                .query((rs, n) -> byKind.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        byKind.forEach((type, ids) -> kind(type).setHidden(ids, null));
        jdbc.sql("""
                        update moderation_item set hidden = false, hidden_reason = null, hidden_note = null, hidden_at = null,
                               updated_at = now(), version = version + 1
                        where author_id = ? and hidden and hidden_reason = 'AUTHOR_BLOCKED'""")
                .param(authorId).update();
        int restored = byKind.values().stream().mapToInt(List::size).sum();
        audit.record(currentUser.require().accountId(), "UNBLOCK", null, authorId, null, cleanNote, "blocked",
                "active; content restored: " + restored);
        events.publishEvent(new ModerationEvents.AuthorUnblocked(authorId, clock.instant()));
    }

    // Rules -------------------------------------------------------------------------------------

    private record Item(long id, ContentRef ref, long version, long authorId, boolean pending, boolean hidden,
                        ModerationReason hiddenReason, String pagePath) {
    }

    private interface Action {
        boolean apply(Item item);
    }

    /**
     * Applies an action to each item in this transaction. One item changed by someone else since it
     * was read is a conflict (an exception, nothing written); among several, those are left alone and reported.
     */
    private ActionResult each(List<ItemVersion> requested, Action action) {
        if (requested.isEmpty()) {
            return new ActionResult(0, List.of());
        }
        Map<String, Map<Long, ContentSummary>> summaries = new HashMap<>();
        requested.stream().collect(Collectors.groupingBy(wanted -> wanted.ref().type(), Collectors.mapping(wanted -> wanted.ref().id(), Collectors.toList())))
                .forEach((type, ids) -> summaries.put(type, kind(type).summaries(ids)));
        int done = 0;
        List<ContentRef> conflicts = new ArrayList<>();
        for (ItemVersion wanted : requested) {
            kind(wanted.ref().type()).lock(wanted.ref().id());
            ContentSummary content = Optional.ofNullable(summaries.get(wanted.ref().type()).get(wanted.ref().id()))
                    .orElseThrow(() -> InvalidInputException.of("items", "moderation.unknown"));
            Item item = lockOrCreate(wanted.ref(), content);
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

    private void setHidden(Item item, ModerationReason reason, String note) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update moderation_item set hidden = ?, hidden_reason = ?, hidden_note = ?, hidden_at = ?, updated_at = ?, version = version + 1
                        where id = ?""")
                .params(reason != null, reason == null ? null : reason.name(), note, reason == null ? null : now, now, item.id()).update();
        kind(item.ref().type()).setHidden(List.of(item.ref().id()), reason);
    }

    private int dismissOpenFlags(Item item) {
        int dismissed = jdbc.sql("update flag set dismissed_at = ? where content_type = ? and content_id = ? and dismissed_at is null")
                .params(Timestamp.from(clock.instant()), item.ref().type(), item.ref().id()).update();
        if (dismissed > 0) {
            jdbc.sql("update moderation_item set open_flag_count = 0, first_open_flag_at = null, updated_at = now(), version = version + 1 where id = ?")
                    .param(item.id()).update();
        }
        return dismissed;
    }

    /** The item's queue row, locked; created for content never moderated before (a comment's first flag). */
    private Item lockOrCreate(ContentRef ref, ContentSummary content) {
        jdbc.sql("""
                        insert into moderation_item (content_type, content_id, author_id, content_created_at, published_at)
                        values (?, ?, ?, ?, ?) on conflict (content_type, content_id) do nothing""")
                .params(ref.type(), ref.id(), content.authorId(), Timestamp.from(content.createdAt()), Timestamp.from(content.createdAt()))
                .update();
        return jdbc.sql("select id, version, author_id, pending, hidden, hidden_reason from moderation_item where content_type = ? and content_id = ? for update")
                .params(ref.type(), ref.id())
                .query((rs, n) -> new Item(rs.getLong(1), ref, rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getBoolean(5),
                        reason(rs.getString(6)), content.pagePath()))
                .single();
    }

    private Optional<ContentSummary> summary(ContentRef ref) {
        return Optional.ofNullable(kind(ref.type()).summaries(List.of(ref.id())).get(ref.id()));
    }

    private boolean isBlocked(long accountId) {
        return jdbc.sql("select blocked_at is not null from account where id = ?").param(accountId).query(Boolean.class).single();
    }

    private ModeratedContent kind(String type) {
        ModeratedContent kind = kinds.get(type);
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

    private String tabCondition(InboxTab tab, Map<String, Object> params) {
        Instant now = clock.instant();
        return switch (tab) {
            case PENDING -> "m.pending";
            case FLAGGED -> "m.open_flag_count > 0 and not m.hidden";
            case AUTO_HIDDEN -> "m.hidden and m.hidden_reason = 'FLAGGED'";
            case HIDDEN -> "m.hidden and m.hidden_reason <> 'FLAGGED'";
            case AWAITING_ANSWER -> {
                params.put("alertCutoff", Timestamp.from(now.minus(Duration.ofDays(town.profile().unansweredAlertDays()))));
                yield "m.answerable and m.answered_at is null and not m.hidden and not m.pending"
                        + " and (m.answer_expected_since is not null or m.published_at < :alertCutoff)";
            }
            case OVERDUE -> {
                params.put("now", Timestamp.from(now));
                yield "m.answerable and m.answered_at is null and m.due_at is not null and m.due_at < :now";
            }
        };
    }

    private static String sinceColumn(InboxTab tab) {
        return switch (tab) {
            case PENDING -> "m.content_created_at";
            case FLAGGED -> "m.first_open_flag_at";
            case AUTO_HIDDEN, HIDDEN -> "m.hidden_at";
            case AWAITING_ANSWER -> "coalesce(m.answer_expected_since, m.published_at)";
            case OVERDUE -> "m.due_at";
        };
    }

    private record Row(ContentRef ref, long version, long authorId, String authorName, boolean authorBlocked, Instant createdAt,
                       Instant since, boolean pending, boolean hidden, ModerationReason hiddenReason, String hiddenNote, int openFlags,
                       Map<ModerationReason, Integer> reasons, Instant dueAt, Instant answeredAt, String assigneeName, String assigneeService) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Map<ModerationReason, Integer> reasons = new EnumMap<>(ModerationReason.class);
        String aggregated = rs.getString("flag_reasons");
        if (aggregated != null) {
            for (String part : aggregated.split(",")) {
                String[] pair = part.split("=");
                reasons.put(ModerationReason.valueOf(pair[0]), Integer.parseInt(pair[1]));
            }
        }
        return new Row(new ContentRef(rs.getString("content_type"), rs.getLong("content_id")), rs.getLong("version"),
                rs.getLong("author_id"), rs.getString("author_name"), rs.getBoolean("author_blocked"), instant(rs, "content_created_at"),
                instant(rs, "since"), rs.getBoolean("pending"), rs.getBoolean("hidden"), reason(rs.getString("hidden_reason")),
                rs.getString("hidden_note"), rs.getInt("open_flag_count"), reasons, instant(rs, "due_at"), instant(rs, "answered_at"),
                rs.getString("assignee_name"), rs.getString("assignee_service"));
    }

    private List<InboxItem> items(List<Row> rows) {
        Map<String, Map<Long, ContentSummary>> summaries = new HashMap<>();
        rows.stream().collect(Collectors.groupingBy(r -> r.ref().type(), Collectors.mapping(r -> r.ref().id(), Collectors.toList())))
                .forEach((type, ids) -> summaries.put(type, kind(type).summaries(ids)));
        Instant now = clock.instant();
        return rows.stream().map(r -> {
            ContentSummary s = summaries.get(r.ref().type()).get(r.ref().id());
            return new InboxItem(r.ref(), r.version(), s == null ? null : s.title(), s == null ? "" : s.text(), s == null ? null : s.pagePath(),
                    r.authorId(), r.authorName(), r.authorBlocked(), r.createdAt(), r.since(), r.pending(), r.hidden(), r.hiddenReason(),
                    r.hiddenNote(), r.openFlags(), r.reasons(), r.dueAt(), r.answeredAt(), r.assigneeName(), r.assigneeService(),
                    r.answeredAt() == null && r.dueAt() != null && r.dueAt().isBefore(now));
        }).toList();
    }

    static ModerationReason reason(String value) {
        return value == null ? null : ModerationReason.valueOf(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
