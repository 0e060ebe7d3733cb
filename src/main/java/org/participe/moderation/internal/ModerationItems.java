package org.participe.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.moderation.ContentSummary;
import org.participe.moderation.InboxTab;
import org.participe.moderation.ModerationReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code moderation_item} table: one queue row per piece of content officials look at, with
 * its flags' counts, its visibility and its decisions. Every change raises the row's version, which
 * guards against two officials acting at once.
 */
@Component
public class ModerationItems {

    private static final String ITEM_COLUMNS = """
            m.content_type, m.content_id, m.version, m.author_id, a.display_name as author_name, a.blocked_at is not null as author_blocked,
            m.content_created_at, m.pending, m.hidden, m.hidden_reason, m.hidden_note, m.open_flag_count, m.due_at, m.answered_at,
            m.assignee_service, asg.display_name as assignee_name,
            (select string_agg(f.reason || '=' || f.n, ',') from (select reason, count(*) as n from flag
                where flag.content_type = m.content_type and flag.content_id = m.content_id and flag.dismissed_at is null
                group by reason) f) as flag_reasons""";

    private final JdbcClient jdbc;

    ModerationItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Content features keep the queue -----------------------------------------------------------

    public void published(ContentKey ref, long authorId, Instant createdAt, boolean pending, boolean answerable) {
        jdbc.sql("""
                        insert into moderation_item (content_type, content_id, author_id, content_created_at, pending, published_at, answerable)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (content_type, content_id) do update
                            set pending = excluded.pending, answerable = excluded.answerable,
                                published_at = coalesce(moderation_item.published_at, excluded.published_at),
                                updated_at = now(), version = moderation_item.version + 1""")
                .params(ref.kind().name(), ref.id(), authorId, Rows.timestamp(createdAt), pending, pending ? null : Rows.timestamp(createdAt),
                        answerable)
                .update();
    }

    /** @return the author, if the item is queued */
    public Optional<Long> approved(ContentKey ref, Instant at) {
        return jdbc.sql("""
                        update moderation_item set pending = false, published_at = ?, updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ? returning author_id""")
                .params(Rows.timestamp(at), ref.kind().name(), ref.id()).query(Long.class).optional();
    }

    /** An answer is expected since then, by that date, unless earlier ones were set. */
    public void answerExpected(ContentKey ref, Instant since, Instant due) {
        jdbc.sql("""
                        update moderation_item set answer_expected_since = coalesce(answer_expected_since, ?), due_at = coalesce(due_at, ?),
                               updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ?""")
                .params(Rows.timestamp(since), Rows.timestamp(due), ref.kind().name(), ref.id()).update();
    }

    /** The first answer is the one kept. @return the author, if the item is queued */
    public Optional<Long> answered(ContentKey ref, Instant at) {
        return jdbc.sql("""
                        update moderation_item set answered_at = coalesce(answered_at, ?), updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ? returning author_id""")
                .params(Rows.timestamp(at), ref.kind().name(), ref.id()).query(Long.class).optional();
    }

    public void withdrawn(ContentKey ref) {
        jdbc.sql("update moderation_item set answerable = false, updated_at = now(), version = version + 1 where content_type = ? and content_id = ?")
                .params(ref.kind().name(), ref.id()).update();
    }

    /** Which of these items are hidden now: one statement per kind asked about. */
    public Set<ContentKey> hiddenAmong(Collection<ContentKey> refs) {
        Map<ContentKind, List<Long>> byKind = refs.stream()
                .collect(Collectors.groupingBy(ContentKey::kind, Collectors.mapping(ContentKey::id, Collectors.toList())));
        Set<ContentKey> hidden = new HashSet<>();
        byKind.forEach((kind, ids) -> jdbc.sql("select content_id from moderation_item where hidden and content_type = :type and content_id in (:ids)")
                .param("type", kind.name()).param("ids", ids).query(Long.class).list()
                .forEach(id -> hidden.add(new ContentKey(kind, id))));
        return hidden;
    }

    // Decisions ---------------------------------------------------------------------------------

    /** The item's queue row, locked; created for content never moderated before (a comment's first flag). */
    public QueueItem lockOrCreate(ContentKey ref, ContentSummary content) {
        jdbc.sql("""
                        insert into moderation_item (content_type, content_id, author_id, content_created_at, published_at)
                        values (?, ?, ?, ?, ?) on conflict (content_type, content_id) do nothing""")
                .params(ref.kind().name(), ref.id(), content.authorId(), Rows.timestamp(content.createdAt()), Rows.timestamp(content.createdAt()))
                .update();
        return jdbc.sql("select id, version, author_id, pending, hidden, hidden_reason from moderation_item where content_type = ? and content_id = ? for update")
                .params(ref.kind().name(), ref.id())
                .query((rs, n) -> new QueueItem(rs.getLong(1), ref, rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getBoolean(5),
                        Rows.reason(rs.getString(6)), content.page()))
                .single();
    }

    /** One more open flag. @return the item's open flags now */
    public int flagged(QueueItem item, Instant at) {
        return jdbc.sql("""
                        update moderation_item set flag_count = flag_count + 1, open_flag_count = open_flag_count + 1,
                               first_open_flag_at = coalesce(first_open_flag_at, ?), updated_at = ?, version = version + 1
                        where id = ? returning open_flag_count""")
                .params(Rows.timestamp(at), Rows.timestamp(at), item.id()).query(Integer.class).single();
    }

    /** Hides the item with a reason and a note, or shows it again when {@code reason} is null. */
    public void setHidden(QueueItem item, ModerationReason reason, String note, Instant at) {
        jdbc.sql("""
                        update moderation_item set hidden = ?, hidden_reason = ?, hidden_note = ?, hidden_at = ?, updated_at = ?, version = version + 1
                        where id = ?""")
                .params(reason != null, reason == null ? null : reason.name(), note, reason == null ? null : Rows.timestamp(at),
                        Rows.timestamp(at), item.id()).update();
    }

    /** An official's hiding settles the open flags, within the hiding's own change of version. */
    public void settleOpenFlags(QueueItem item) {
        jdbc.sql("update moderation_item set open_flag_count = 0, first_open_flag_at = null where id = ?").param(item.id()).update();
    }

    /** The open flags were dismissed: the item leaves the flagged list. */
    public void openFlagsDismissed(QueueItem item) {
        jdbc.sql("update moderation_item set open_flag_count = 0, first_open_flag_at = null, updated_at = now(), version = version + 1 where id = ?")
                .param(item.id()).update();
    }

    /** Content hidden with its blocked author: its queue row says so, created if the content was never moderated. */
    public void hiddenWithAuthor(ContentKind kind, long contentId, long authorId, Instant createdAt, Instant at) {
        jdbc.sql("""
                        insert into moderation_item (content_type, content_id, author_id, content_created_at, hidden, hidden_reason, hidden_at)
                        values (?, ?, ?, ?, true, 'AUTHOR_BLOCKED', ?)
                        on conflict (content_type, content_id) do update
                            set hidden = true, hidden_reason = 'AUTHOR_BLOCKED', hidden_note = null, hidden_at = excluded.hidden_at,
                                updated_at = now(), version = moderation_item.version + 1""")
                .params(kind.name(), contentId, authorId, Rows.timestamp(createdAt), Rows.timestamp(at)).update();
    }

    /** What the author's block hid, by kind of content. */
    public Map<ContentKind, List<Long>> hiddenWithAuthor(long authorId) {
        Map<ContentKind, List<Long>> byKind = new HashMap<>();
        jdbc.sql("select content_type, content_id from moderation_item where author_id = ? and hidden and hidden_reason = 'AUTHOR_BLOCKED'")
                .param(authorId)
                .query((rs, n) -> byKind.computeIfAbsent(ContentKind.stored(rs.getString(1)), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return byKind;
    }

    /** The author's block was lifted: what it hid is visible again. */
    public void shownWithAuthor(long authorId) {
        jdbc.sql("""
                        update moderation_item set hidden = false, hidden_reason = null, hidden_note = null, hidden_at = null,
                               updated_at = now(), version = version + 1
                        where author_id = ? and hidden and hidden_reason = 'AUTHOR_BLOCKED'""")
                .param(authorId).update();
    }

    // The inbox ---------------------------------------------------------------------------------

    /** A page of a tab, oldest first, optionally of one kind: one statement. */
    public List<InboxRow> page(InboxTab tab, ContentKind kind, TabClock when, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = tabCondition(tab, when, params);
        if (kind != null) {
            where += " and m.content_type = :type";
            params.put("type", kind.name());
        }
        params.put("limit", limit);
        params.put("offset", offset);
        String since = sinceColumn(tab);
        return jdbc.sql("select " + ITEM_COLUMNS + ", " + since + " as since"
                        + " from moderation_item m join account_public a on a.id = m.author_id left join account_public asg on asg.id = m.assignee_id"
                        + " where " + where + " order by " + since + ", m.id limit :limit offset :offset")
                .params(params).query(ModerationItems::row).list();
    }

    /** The number of items in each tab, counted no further than {@code limit + 1}: one statement, each count served by its tab's index. */
    public Map<InboxTab, Long> counts(TabClock when, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("countLimit", limit + 1);
        List<String> counts = new ArrayList<>();
        for (InboxTab tab : InboxTab.values()) {
            counts.add("(select count(*) from (select 1 from moderation_item m where " + tabCondition(tab, when, params) + " limit :countLimit) c)");
        }
        return jdbc.sql("select " + String.join(", ", counts)).params(params).query((rs, n) -> {
            Map<InboxTab, Long> result = new EnumMap<>(InboxTab.class);
            for (InboxTab tab : InboxTab.values()) {
                result.put(tab, rs.getLong(tab.ordinal() + 1));
            }
            return result;
        }).single();
    }

    /** The item's version, 0 when it was never moderated. */
    public long version(ContentKey ref) {
        return jdbc.sql("select version from moderation_item where content_type = ? and content_id = ?")
                .params(ref.kind().name(), ref.id()).query(Long.class).optional().orElse(0L);
    }

    /** The versions of these items, 0 for those never moderated: one statement. */
    public Map<Long, Long> versions(ContentKind kind, Collection<Long> ids) {
        Map<Long, Long> versions = new HashMap<>();
        ids.forEach(id -> versions.put(id, 0L));
        if (!ids.isEmpty()) {
            jdbc.sql("select content_id, version from moderation_item where content_type = :type and content_id in (:ids)")
                    .param("type", kind.name()).param("ids", ids).query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return versions;
    }

    /** The moment a tab's membership is judged at: now, and the publication date before which an idea awaits an answer anyway. */
    public record TabClock(Instant now, Instant alertCutoff) {
    }

    private static String tabCondition(InboxTab tab, TabClock when, Map<String, Object> params) {
        return switch (tab) {
            case PENDING -> "m.pending";
            case FLAGGED -> "m.open_flag_count > 0 and not m.hidden";
            case AUTO_HIDDEN -> "m.hidden and m.hidden_reason = 'FLAGGED'";
            case HIDDEN -> "m.hidden and m.hidden_reason <> 'FLAGGED'";
            case AWAITING_ANSWER -> {
                params.put("alertCutoff", Rows.timestamp(when.alertCutoff()));
                yield "m.answerable and m.answered_at is null and not m.hidden and not m.pending"
                        + " and (m.answer_expected_since is not null or m.published_at < :alertCutoff)";
            }
            case OVERDUE -> {
                params.put("now", Rows.timestamp(when.now()));
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

    private static InboxRow row(ResultSet rs, int n) throws SQLException {
        Map<ModerationReason, Integer> reasons = new EnumMap<>(ModerationReason.class);
        String aggregated = rs.getString("flag_reasons");
        if (aggregated != null) {
            for (String part : aggregated.split(",")) {
                String[] pair = part.split("=");
                reasons.put(ModerationReason.valueOf(pair[0]), Integer.parseInt(pair[1]));
            }
        }
        return new InboxRow(ContentKey.stored(rs.getString("content_type"), rs.getLong("content_id")), rs.getLong("version"),
                rs.getLong("author_id"), rs.getString("author_name"), rs.getBoolean("author_blocked"), Rows.instant(rs, "content_created_at"),
                Rows.instant(rs, "since"), rs.getBoolean("pending"), rs.getBoolean("hidden"), Rows.reason(rs.getString("hidden_reason")),
                rs.getString("hidden_note"), rs.getInt("open_flag_count"), reasons, Rows.instant(rs, "due_at"), Rows.instant(rs, "answered_at"),
                rs.getString("assignee_name"), rs.getString("assignee_service"));
    }

    // An author's record ------------------------------------------------------------------------

    /** The author's name and block, how many flags their content received and how many of their items are hidden now: one statement. */
    public AuthorStanding author(long authorId) {
        return jdbc.sql("""
                        select a.display_name, a.blocked_at, a.blocked_reason,
                               (select coalesce(sum(flag_count), 0) from moderation_item where author_id = a.id),
                               (select count(*) from moderation_item where author_id = a.id and hidden)
                        from account_public a where a.id = ?""")
                .param(authorId)
                .query((rs, n) -> new AuthorStanding(rs.getString(1), Rows.instant(rs, "blocked_at"), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .single();
    }

    public record AuthorStanding(String name, Instant blockedAt, String blockedReason, int flagsReceived, int itemsHidden) {
    }

    /** Whether the account is blocked now. */
    public boolean authorBlocked(long authorId) {
        return jdbc.sql("select blocked_at is not null from account_public where id = ?").param(authorId).query(Boolean.class).single();
    }
}
