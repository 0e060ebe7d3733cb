package org.participe.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.participe.base.CsvCell;
import org.participe.base.TownZone;
import org.participe.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The moderation audit, read by officials and administrators: filtered pages, and the same lines as CSV. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.OFFICIAL + "', '" + Roles.ADMIN + "')")
public class ModerationAudit {

    public static final List<String> ACTIONS = List.of("FLAG", "AUTO_HIDE", "APPROVE", "HIDE", "RESTORE", "DISMISS_FLAGS",
            "BLOCK", "UNBLOCK", "ANSWER", "ASSIGN");

    static final String SELECT = """
            select m.id, m.occurred_at, actor.display_name as actor_name, m.action, m.content_type, m.content_id, m.target_account_id,
                   target.display_name as target_name, m.reason, m.note, m.before_state, m.after_state
            from moderation_audit m left join account actor on actor.id = m.actor_id left join account target on target.id = m.target_account_id""";
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;

    ModerationAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> entries(AuditFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + " where " + where(filter, params) + " order by m.occurred_at desc, m.id desc limit :limit offset :offset")
                .params(params).query(ModerationAudit::entry).list();
    }

    public long count(AuditFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from moderation_audit m left join account actor on actor.id = m.actor_id"
                        + " left join account target on target.id = m.target_account_id where " + where(filter, params))
                .params(params).query(Long.class).single();
    }

    /**
     * Writes the filtered audit as CSV (UTF-8 with a byte-order mark so that spreadsheets read the
     * accents), streamed row by row. Cells that a spreadsheet would run as a formula are quoted off.
     */
    public void writeCsv(AuditFilter filter, Writer out) {
        Map<String, Object> params = new HashMap<>();
        try {
            out.write('\uFEFF');
            out.write("date;actor;action;content;person;reason;note;before;after\r\n");
            jdbc.sql(SELECT + " where " + where(filter, params) + " order by m.occurred_at desc, m.id desc").params(params)
                    .query(rs -> {
                        AuditEntry e = entry(rs, 0);
                        try {
                            out.write(String.join(";", List.of(CSV_TIME.withZone(TownZone.zone()).format(e.occurredAt()), CsvCell.of(e.actorName()), e.action(),
                                    e.content() == null ? "" : e.content().toString(), CsvCell.of(e.targetName()), CsvCell.of(e.reason()),
                                    CsvCell.of(e.note()), CsvCell.of(e.before()), CsvCell.of(e.after()))));
                            out.write("\r\n");
                        } catch (IOException failure) {
                            throw new UncheckedIOException(failure);
                        }
                    });
            out.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }


    private static String where(AuditFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (filter.action() != null && ACTIONS.contains(filter.action())) {
            conditions.add("m.action = :action");
            params.put("action", filter.action());
        }
        if (filter.contentType() != null && !filter.contentType().isBlank()) {
            conditions.add("m.content_type = :type");
            params.put("type", filter.contentType());
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

    static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("content_type");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"), rs.getString("action"),
                type == null ? null : new ContentRef(type, rs.getLong("content_id")), (Long) rs.getObject("target_account_id"),
                rs.getString("target_name"), rs.getString("reason"), rs.getString("note"), rs.getString("before_state"),
                rs.getString("after_state"));
    }
}
