package org.participe.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.vaadin.flow.i18n.I18NProvider;

import org.participe.base.CsvCell;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.moderation.internal.AuditLog;
import org.participe.security.Roles;
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

    private static final List<String> CSV_COLUMNS = List.of("date", "actor", "action", "content", "person", "reason", "note", "before", "after");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog log;
    private final Map<ContentKind, ModeratedContent> kinds = new HashMap<>();
    private final I18NProvider translations;

    ModerationAudit(AuditLog log, List<ModeratedContent> kinds, I18NProvider translations) {
        this.log = log;
        kinds.forEach(kind -> this.kinds.put(kind.kind(), kind));
        this.translations = translations;
    }

    /** The kinds of content the audit may speak of, for its filter. */
    public List<ContentKind> kinds() {
        return Arrays.stream(ContentKind.values()).filter(kinds::containsKey).toList();
    }

    /** A page of entries, each with the page of its content (one statement per kind of content on the page). */
    public List<AuditEntry> entries(AuditFilter filter, int offset, int limit) {
        List<AuditEntry> entries = log.page(filter, offset, limit);
        Map<ContentKind, Map<Long, ContentSummary>> summaries = new HashMap<>();
        entries.stream().map(AuditEntry::content).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(ContentKey::kind, Collectors.mapping(ContentKey::id, Collectors.toSet())))
                .forEach((type, ids) -> {
                    ModeratedContent kind = kinds.get(type);
                    summaries.put(type, kind == null ? Map.of() : kind.summaries(ids));
                });
        return entries.stream().map(entry -> entry.content() == null ? entry : entry.withContentPath(path(entry.content(),
                summaries.getOrDefault(entry.content().kind(), Map.of()).get(entry.content().id())))).toList();
    }

    /** The content's page; a comment's is its anchor on the page of what it discusses. */
    private static String path(ContentKey ref, ContentSummary summary) {
        return summary == null || summary.page() == null ? null : ref.pathOn(summary.page());
    }

    public long count(AuditFilter filter) {
        return log.count(filter);
    }

    /**
     * Writes the filtered audit as CSV (UTF-8 with a byte-order mark so that spreadsheets read the
     * accents), streamed row by row, with headers and values in the reader's language. Cells that
     * a spreadsheet would run as a formula are quoted off.
     */
    public void writeCsv(AuditFilter filter, Writer out, Locale locale) {
        AuditTexts.Translator t = (key, arguments) -> translations.getTranslation(key, locale, arguments);
        try {
            out.write('\uFEFF');
            out.write(String.join(";", CSV_COLUMNS.stream().map(column -> CsvCell.of(t.get("audit.csv." + column))).toList()) + "\r\n");
            log.each(filter, e -> {
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
}
