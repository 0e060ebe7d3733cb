package org.participe.reporting.internal;

import static org.participe.reporting.internal.ReportSql.PUBLIC_IDEA;
import static org.participe.reporting.internal.ReportSql.ideaFilter;
import static org.participe.reporting.internal.ReportSql.params;
import static org.participe.reporting.internal.ReportSql.range;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.participe.base.TownZone;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of the exports, read in batches of {@value #FETCH_SIZE} (inside the caller's read-only
 * transaction) and handed on one by one: memory stays constant whatever the number of rows.
 * Timestamps become town dates, booleans 1 or 0. Each method is one SQL statement.
 */
@Component
public class ExportStore {

    public static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The public ideas published in the period: id, title, status, category, neighbourhood, published, supports, comments, due, answered. */
    public void ideas(ReportPeriod period, ReportFilter filter, Consumer<List<Object>> rows) {
        stream("""
                select i.id, i.title, i.status, (select name_fr from category_public where id = i.category_id),
                       coalesce((select name from neighbourhood_public where id = i.neighbourhood_id), ''),
                       i.published_at, c.support_count, c.comment_count, m.due_at, m.answered_at
                from idea_report i join idea_count_report c on c.idea_id = i.id left join moderation_report m on m.content_type = 'IDEA' and m.content_id = i.id
                where %s and i.published_at %s and %s order by i.published_at, i.id"""
                .formatted(PUBLIC_IDEA, range("i.published_at"), ideaFilter(filter)), period, filter, rows);
    }

    /** The supports given in the period per idea and week: idea, title, week, supports. */
    public void supportsPerWeek(ReportPeriod period, ReportFilter filter, Consumer<List<Object>> rows) {
        stream("""
                select i.id, i.title, (date_trunc('week', s.created_at at time zone :zone))::date as week, count(*)
                from support_report s join idea_report i on i.id = s.idea_id
                where s.created_at %s and %s group by i.id, i.title, week order by week, i.id"""
                .formatted(range("s.created_at"), ideaFilter(filter)), period, filter, rows);
    }

    /** The visible comments on ideas written in the period: id, idea, title, date, reply, text. */
    public void comments(ReportPeriod period, ReportFilter filter, Consumer<List<Object>> rows) {
        stream("""
                select c.id, i.id, i.title, c.created_at, c.parent_id is not null, c.body
                from comment_report c join idea_report i on i.id = c.target_id
                where c.target_type = 'IDEA' and c.deleted_at is null and not c.hidden and c.created_at %s and %s
                order by c.created_at, c.id"""
                .formatted(range("c.created_at"), ideaFilter(filter)), period, filter, rows);
    }

    private void stream(String sql, ReportPeriod period, ReportFilter filter, Consumer<List<Object>> rows) {
        params(jdbc.sql(sql), period, filter).withFetchSize(FETCH_SIZE).query(rs -> {
            int columns = rs.getMetaData().getColumnCount();
            List<Object> cells = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                Object value = rs.getObject(i);
                cells.add(switch (value) {
                    case Timestamp timestamp -> timestamp.toInstant().atZone(TownZone.zone()).toLocalDate();
                    case Date date -> date.toLocalDate();
                    case Boolean flag -> flag ? 1 : 0;
                    case null, default -> value;
                });
            }
            rows.accept(cells);
        });
    }
}
