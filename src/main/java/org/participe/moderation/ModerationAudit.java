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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.vaadin.flow.i18n.I18NProvider;

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
    private static final List<String> CSV_COLUMNS = List.of("date", "actor", "action", "content", "person", "reason", "note", "before", "after");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;
    private final Map<String, ModeratedContent> kinds = new HashMap<>();
    private final I18NProvider translations;

    ModerationAudit(JdbcClient jdbc, List<ModeratedContent> kinds, I18NProvider translations) {
        this.jdbc = jdbc;
        kinds.forEach(kind -> this.kinds.put(kind.type(), kind));
        this.translations = translations;
    }

    /** A page of entries, each with the page of its content (one statement per kind of content on the page). */
    public List<AuditEntry> entries(AuditFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        List<AuditEntry> entries = jdbc.sql(SELECT + " where " + where(filter, params) + " order by m.occurred_at desc, m.id desc limit :limit offset :offset")
                .params(params).query(ModerationAudit::entry).list();
        Map<String, Map<Long, ContentSummary>> summaries = new HashMap<>();
        entries.stream().map(AuditEntry::content).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(ContentRef::type, Collectors.mapping(ContentRef::id, Collectors.toSet())))
                .forEach((type, ids) -> {
                    ModeratedContent kind = kinds.get(type);
                    summaries.put(type, kind == null ? Map.of() : kind.summaries(ids));
                });
        return entries.stream().map(entry -> entry.content() == null ? entry : entry.withContentPath(path(entry.content(),
                summaries.getOrDefault(entry.content().type(), Map.of()).get(entry.content().id())))).toList();
    }

    /** The content's page; a comment's is its anchor on the page of what it discusses. */
    private static String path(ContentRef ref, ContentSummary summary) {
        if (summary == null || summary.pagePath() == null) {
            return null;
        }
        return ContentRef.COMMENT.equals(ref.type()) ? summary.pagePath() + "#comment-" + ref.id() : summary.pagePath();
    }

    public long count(AuditFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from moderation_audit m left join account actor on actor.id = m.actor_id"
                        + " left join account target on target.id = m.target_account_id where " + where(filter, params))
                .params(params).query(Long.class).single();
    }

    /**
     * Writes the filtered audit as CSV (UTF-8 with a byte-order mark so that spreadsheets read the
     * accents), streamed row by row, with headers and values in the reader's language. Cells that
     * a spreadsheet would run as a formula are quoted off.
     */
    public void writeCsv(AuditFilter filter, Writer out, Locale locale) {
        Map<String, Object> params = new HashMap<>();
        AuditTexts.Translator t = (key, arguments) -> translations.getTranslation(key, locale, arguments);
        try {
            out.write('\uFEFF');
            out.write(String.join(";", CSV_COLUMNS.stream().map(column -> CsvCell.of(t.get("audit.csv." + column))).toList()) + "\r\n");
            jdbc.sql(SELECT + " where " + where(filter, params) + " order by m.occurred_at desc, m.id desc").params(params)
                    .query(rs -> {
                        AuditEntry e = entry(rs, 0);
                        try {
                            out.write(String.join(";", List.of(CSV_TIME.withZone(TownZone.zone()).format(e.occurredAt()),
                                    CsvCell.of(e.actorName() == null ? t.get("audit.system") : e.actorName()),
                                    CsvCell.of(AuditTexts.action(e.action(), t)), CsvCell.of(AuditTexts.content(e.content(), t)),
                                    CsvCell.of(e.targetName()), CsvCell.of(AuditTexts.reason(e.reason(), t)), CsvCell.of(e.note()),
                                    CsvCell.of(AuditTexts.state(e.before(), t)), CsvCell.of(AuditTexts.state(e.after(), t)))));
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
                rs.getString("after_state"), null);
    }
}
