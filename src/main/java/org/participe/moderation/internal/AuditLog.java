package org.participe.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.moderation.AuditEntry;
import org.participe.moderation.AuditFilter;
import org.participe.moderation.ModerationAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only {@code moderation_audit}: written in the transaction of the action it records, read filtered. */
@Component
public class AuditLog {

    private static final String SELECT = """
            select m.id, m.occurred_at, actor.display_name as actor_name, m.action, m.content_type, m.content_id, m.target_account_id,
                   target.display_name as target_name, m.reason, m.note, m.before_state, m.after_state
            from moderation_audit m left join account_public actor on actor.id = m.actor_id left join account_public target on target.id = m.target_account_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actorId null when the platform acted by itself (hiding after flags)
     * @param targetAccountId the person concerned: the content's author, or the blocked account
     */
    public void record(Long actorId, String action, ContentKey ref, Long targetAccountId, String reason, String note,
                       String before, String after) {
        jdbc.sql("""
                        insert into moderation_audit (occurred_at, actor_id, action, content_type, content_id, target_account_id,
                                                      reason, note, before_state, after_state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actorId, action, ref == null ? null : ref.kind().name(), ref == null ? null : ref.id(),
                        targetAccountId, reason, note, shorten(before), shorten(after))
                .update();
    }

    /** A page of the filtered audit, newest first: one statement. */
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + " where " + where(filter, params) + " order by m.occurred_at desc, m.id desc limit :limit offset :offset")
                .params(params).query(AuditLog::entry).list();
    }

    public long count(AuditFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from moderation_audit m left join account_public actor on actor.id = m.actor_id"
                        + " left join account_public target on target.id = m.target_account_id where " + where(filter, params))
                .params(params).query(Long.class).single();
    }

    /** Every entry of the filtered audit, newest first, handed over row by row as they are read. */
    public void each(AuditFilter filter, Consumer<AuditEntry> handler) {
        Map<String, Object> params = new HashMap<>();
        jdbc.sql(SELECT + " where " + where(filter, params) + " order by m.occurred_at desc, m.id desc").params(params)
                .query(rs -> {
                    handler.accept(entry(rs, 0));
                });
    }

    /** What was done about a person lately, their own flags aside. */
    public List<AuditEntry> recentAbout(long accountId, int limit) {
        return jdbc.sql(SELECT + " where m.target_account_id = ? and m.action <> 'FLAG' order by m.occurred_at desc, m.id desc limit ?")
                .params(accountId, limit).query(AuditLog::entry).list();
    }

    private static String where(AuditFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (filter.action() != null && ModerationAudit.ACTIONS.contains(filter.action())) {
            conditions.add("m.action = :action");
            params.put("action", filter.action());
        }
        if (filter.kind() != null) {
            conditions.add("m.content_type = :type");
            params.put("type", filter.kind().name());
        }
        if (filter.person() != null && !filter.person().isBlank()) {
            conditions.add("(lower(actor.display_name) like :person or lower(target.display_name) like :person)");
            params.put("person", "%" + filter.person().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            conditions.add("m.occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(TownZone.zone()).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("m.occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(TownZone.zone()).toInstant()));
        }
        return String.join(" and ", conditions);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("content_type");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"), rs.getString("action"),
                type == null ? null : ContentKey.stored(type, rs.getLong("content_id")), (Long) rs.getObject("target_account_id"),
                rs.getString("target_name"), rs.getString("reason"), rs.getString("note"), rs.getString("before_state"),
                rs.getString("after_state"), null);
    }

    private static String shorten(String state) {
        return state == null || state.length() <= 300 ? state : state.substring(0, 297) + "...";
    }
}
