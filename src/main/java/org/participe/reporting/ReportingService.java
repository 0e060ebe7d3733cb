package org.participe.reporting;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.participe.base.TownZone;
import org.participe.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participation figures, computed in SQL from one definition per {@link Metric}: the staff
 * dashboard, its exports and the public figures page all read them here, so they never disagree.
 * Counts are of public actions only (published ideas, visible comments) and never name anyone.
 * Ideas, supports and comments are summed from {@code activity_daily}, a rollup PostgreSQL keeps
 * in step with every change (see V5__reporting.sql); distinct participants are counted from each
 * person's days of participation, kept the same way (V6__participant_days.sql).
 */
@Service
@Transactional(readOnly = true)
public class ReportingService {

    static final String STAFF = "hasAnyRole('" + Roles.STAFF + "', '" + Roles.ADMIN + "')";
    private static final String PUBLIC_IDEA = "i.status <> 'PENDING' and not i.hidden";
    private static final String IN_PERIOD = " >= :from and %s < :to";
    private static final String ROLLUP_DAYS = "a.day between :firstDay and :lastDay";

    private final JdbcClient jdbc;
    private final org.participe.security.CurrentUser currentUser;

    ReportingService(JdbcClient jdbc, org.participe.security.CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    // Figures -----------------------------------------------------------------------------------

    /** Every figure of the catalogue for the period, with the previous period's. */
    @PreAuthorize(STAFF)
    public List<MetricValue> figures(ReportPeriod period, ReportFilter filter) {
        Map<Metric, Double> now = compute(period, filter);
        Map<Metric, Double> before = compute(period.previous(), filter);
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            values.add(new MetricValue(metric, now.get(metric), before.get(metric)));
        }
        return values;
    }

    /** The figures residents see, for the whole town: the same definitions, without moderation volumes. */
    @PreAuthorize("permitAll()")
    public List<MetricValue> publicFigures(ReportPeriod period) {
        Map<Metric, Double> now = compute(period, ReportFilter.none());
        Map<Metric, Double> before = compute(period.previous(), ReportFilter.none());
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric.shownToThePublic()) {
                values.add(new MetricValue(metric, now.get(metric), before.get(metric)));
            }
        }
        return values;
    }

    /** One statement computes the whole catalogue for one period. */
    private Map<Metric, Double> compute(ReportPeriod period, ReportFilter filter) {
        String ideaFilter = ideaFilter(filter);
        String sql = """
                select rollup.ideas, rollup.supports, rollup.comments,
                  (select count(*) from (%1$s) p) as participants,
                  (select count(*) from account a where a.email_confirmed_at is not null and a.created_at %2$s and %3$s) as new_accounts,
                  answered.n as answered, answered.with_due, answered.on_time, answered.median_days,
                  (select count(*) from flag f
                     left join comment c on f.content_type = 'COMMENT' and c.id = f.content_id and c.target_type = 'IDEA'
                     join idea i on i.id = case when f.content_type = 'IDEA' then f.content_id else c.target_id end
                     where f.created_at %4$s and %5$s) as flags,
                  (select count(*) from moderation_item m
                     left join comment c on m.content_type = 'COMMENT' and c.id = m.content_id and c.target_type = 'IDEA'
                     join idea i on i.id = case when m.content_type = 'IDEA' then m.content_id else c.target_id end
                     where m.hidden and m.hidden_at %6$s and %5$s) as hidden_items
                from (select coalesce(sum(a.ideas), 0) as ideas, coalesce(sum(a.supports), 0) as supports, coalesce(sum(a.comments), 0) as comments
                      from activity_daily a where %7$s and %8$s) rollup,
                     (select count(*) as n, count(*) filter (where m.due_at is not null) as with_due,
                             count(*) filter (where m.due_at is not null and m.answered_at <= m.due_at) as on_time,
                             percentile_cont(0.5) within group (order by extract(epoch from m.answered_at - coalesce(m.published_at, m.content_created_at)) / 86400.0) as median_days
                      from moderation_item m %9$s
                      where m.content_type = 'IDEA' and m.answered_at %10$s and %5$s) answered"""
                .formatted(participantsSql(filter), range("a.created_at"), accountFilter(filter), range("f.created_at"), ideaFilter,
                        range("m.hidden_at"), ROLLUP_DAYS, rollupFilter(filter, "a"),
                        filtered(filter) ? "join idea i on i.id = m.content_id" : "", range("m.answered_at"));
        return params(jdbc.sql(sql), period, filter).query((rs, n) -> {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            values.put(Metric.IDEAS, (double) rs.getLong("ideas"));
            values.put(Metric.SUPPORTS, (double) rs.getLong("supports"));
            values.put(Metric.COMMENTS, (double) rs.getLong("comments"));
            values.put(Metric.PARTICIPANTS, (double) rs.getLong("participants"));
            values.put(Metric.NEW_ACCOUNTS, (double) rs.getLong("new_accounts"));
            values.put(Metric.IDEAS_ANSWERED, (double) rs.getLong("answered"));
            long withDue = rs.getLong("with_due");
            values.put(Metric.ANSWERED_ON_TIME, withDue == 0 ? null : 100.0 * rs.getLong("on_time") / withDue);
            values.put(Metric.MEDIAN_DAYS_TO_ANSWER, (Double) rs.getObject("median_days"));
            values.put(Metric.FLAGS, (double) rs.getLong("flags"));
            values.put(Metric.HIDDEN_ITEMS, (double) rs.getLong("hidden_items"));
            return values;
        }).single();
    }

    /**
     * The participants of the period: the accounts that published an idea, supported one or
     * commented on one (one column, {@code who}), read from their days of participation, which
     * PostgreSQL keeps as one date multirange per person (see V6__participant_days.sql).
     */
    private static String participantsSql(ReportFilter filter) {
        String inPeriod = "p.days && daterange(:firstDay, :lastDay, '[]')";
        return filtered(filter)
                ? "select distinct p.account_id as who from participant_days_detail p where " + inPeriod + " and " + rollupFilter(filter, "p")
                : "select p.account_id as who from participant_days p where " + inPeriod;
    }

    // Representativeness ------------------------------------------------------------------------

    /** Groups of fewer participants than this are never shown: nobody can be singled out. */
    public static final int SMALLEST_GROUP = 5;
    public static final List<String> AGE_BANDS = List.of("16-24", "25-39", "40-54", "55-64", "65-74", "75+");
    public static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER");

    /**
     * The period's participants by neighbourhood, age band and sex (only what they chose to declare),
     * each group beside its share of the town's reference population. Ages are counted in the year
     * the period ends.
     */
    @PreAuthorize(STAFF)
    public List<Representation> representativeness(ReportPeriod period, ReportFilter filter) {
        // One pass over the participants counts the three dimensions (grouping sets); undeclared
        // values form groups with a null key, left out below.
        String sql = """
                select case when grouping(people.neighbourhood_id) = 0 then 'NEIGHBOURHOOD'
                            when grouping(people.band) = 0 then 'AGE_BAND' else 'SEX' end,
                       case when grouping(people.neighbourhood_id) = 0 then cast(people.neighbourhood_id as text)
                            when grouping(people.band) = 0 then people.band else people.sex end,
                       count(*)
                from (select a.neighbourhood_id, a.sex,
                             case when a.birth_year is null then null
                                  when :year - a.birth_year < 25 then '16-24' when :year - a.birth_year < 40 then '25-39'
                                  when :year - a.birth_year < 55 then '40-54' when :year - a.birth_year < 65 then '55-64'
                                  when :year - a.birth_year < 75 then '65-74' else '75+' end as band
                      from (%s) p join account a on a.id = p.who) people
                group by grouping sets ((people.neighbourhood_id), (people.band), (people.sex))""".formatted(participantsSql(filter));
        Map<String, Integer> counts = new HashMap<>();
        params(jdbc.sql(sql), period, filter).param("year", period.last().getYear()).query((rs, n) -> {
            if (rs.getString(2) != null) {
                counts.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
            }
            return null;
        }).list();
        ReferencePopulation reference = referencePopulation();
        Map<String, String> neighbourhoods = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, name from neighbourhood where active order by name").query((rs, n) -> neighbourhoods.put(rs.getString(1), rs.getString(2))).list();
        List<Representation> rows = new ArrayList<>();
        rows.addAll(dimension(Representation.Dimension.NEIGHBOURHOOD, neighbourhoods, counts, reference));
        Map<String, String> bands = new java.util.LinkedHashMap<>();
        AGE_BANDS.forEach(band -> bands.put(band, band));
        rows.addAll(dimension(Representation.Dimension.AGE_BAND, bands, counts, reference));
        Map<String, String> sexes = new java.util.LinkedHashMap<>();
        SEXES.forEach(sex -> sexes.put(sex, sex));
        rows.addAll(dimension(Representation.Dimension.SEX, sexes, counts, reference));
        return rows;
    }

    private static List<Representation> dimension(Representation.Dimension dimension, Map<String, String> groups, Map<String, Integer> counts,
                                                  ReferencePopulation reference) {
        // Shares are taken among the groups shown only: a share computed over everyone would let the
        // hidden groups' size be worked out from the others.
        java.util.function.ToIntFunction<String> count = key -> counts.getOrDefault(dimension.name() + ":" + key, 0);
        List<String> shown = groups.keySet().stream().filter(key -> count.applyAsInt(key) >= SMALLEST_GROUP).toList();
        int declared = shown.stream().mapToInt(count).sum();
        int population = shown.stream().mapToInt(key -> reference.populations().getOrDefault(ReferencePopulation.key(dimension, key), 0)).sum();
        List<Representation> rows = new ArrayList<>();
        groups.forEach((key, label) -> {
            Integer people = reference.populations().get(ReferencePopulation.key(dimension, key));
            if (!shown.contains(key)) {
                rows.add(new Representation(dimension, key, label, null, null, null, null));
            } else {
                Double referenceShare = people == null || population == 0 ? null : 100.0 * people / population;
                double share = 100.0 * count.applyAsInt(key) / declared;
                rows.add(new Representation(dimension, key, label, count.applyAsInt(key), share, referenceShare,
                        referenceShare == null ? null : share - referenceShare));
            }
        });
        return rows;
    }

    /** The reference population and its source (empty until an administrator enters it). */
    @PreAuthorize(STAFF)
    public ReferencePopulation referencePopulation() {
        Map<String, Integer> populations = new HashMap<>();
        jdbc.sql("select dimension, group_key, population from reference_population")
                .query((rs, n) -> populations.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3))).list();
        return jdbc.sql("select source, version from reference_population_source where id = 1")
                .query((rs, n) -> new ReferencePopulation(rs.getString(1), Map.copyOf(populations), rs.getLong(2)))
                .optional().orElse(new ReferencePopulation("", Map.copyOf(populations), -1));
    }

    /** An administrator replaces the reference population, all groups at once, guarded by its version. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void saveReferencePopulation(String source, Map<String, Integer> populations, long version) {
        long adminId = currentUser.require().accountId();
        String cleanSource = source == null ? "" : source.strip();
        var errors = new org.participe.base.validation.InvalidInputException.Collector();
        if (cleanSource.isEmpty() || org.participe.base.validation.TypedText.length(cleanSource) > 300) {
            errors.reject("source", "validation.length", 1, 300);
        } else {
            org.participe.base.validation.TypedText.check("source", cleanSource, errors);
        }
        populations.forEach((key, people) -> {
            if (people != null && (people < 0 || people > 10_000_000)) {
                errors.reject(key, "validation.range", 0, 10_000_000);
            }
            if (!key.matches("(NEIGHBOURHOOD|AGE_BAND|SEX):[A-Za-z0-9+-]{1,40}")) {
                errors.reject(key, "reports.reference.unknown");
            }
        });
        errors.throwIfAny();
        int saved = version < 0
                ? jdbc.sql("insert into reference_population_source (id, source, updated_by) values (1, ?, ?) on conflict do nothing")
                        .params(cleanSource, adminId).update()
                : jdbc.sql("update reference_population_source set source = ?, updated_at = now(), updated_by = ?, version = version + 1 where id = 1 and version = ?")
                        .params(cleanSource, adminId, version).update();
        if (saved == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("The reference population changed since it was read");
        }
        jdbc.sql("delete from reference_population").update();
        populations.forEach((key, people) -> {
            if (people != null) {
                String[] parts = key.split(":", 2);
                jdbc.sql("insert into reference_population (dimension, group_key, population) values (?, ?, ?)").params(parts[0], parts[1], people).update();
            }
        });
    }

    // Charts ------------------------------------------------------------------------------------

    /** Activity per week of the period (Monday to Sunday, Paris time), every week listed even when empty. */
    @PreAuthorize("permitAll()")
    public List<WeekActivity> weeklyActivity(ReportPeriod period, ReportFilter filter) {
        String sql = """
                with weeks as (
                    select generate_series(date_trunc('week', cast(:firstDay as date)), cast(:lastDay as date), interval '1 week')::date as week
                ), activity as (
                    select date_trunc('week', a.day)::date as week, sum(a.ideas) as ideas, sum(a.supports) as supports, sum(a.comments) as comments
                    from activity_daily a where %1$s and %2$s group by 1
                ), accounts as (
                    select date_trunc('week', a.created_at at time zone :zone)::date as week, count(*) as n
                    from account a where a.email_confirmed_at is not null and a.created_at %3$s and %4$s group by 1
                )
                select w.week, coalesce(x.ideas, 0), coalesce(x.supports, 0), coalesce(x.comments, 0), coalesce(n.n, 0)
                from weeks w left join activity x using (week) left join accounts n using (week)
                order by w.week"""
                .formatted(ROLLUP_DAYS, rollupFilter(filter, "a"), range("a.created_at"), accountFilter(filter));
        return params(jdbc.sql(sql), period, filter)
                .query((rs, n) -> new WeekActivity(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Ideas, supports and comments of the period per neighbourhood ("" for ideas about the whole town). */
    @PreAuthorize("permitAll()")
    public List<GroupFigures> byNeighbourhood(ReportPeriod period, ReportFilter filter) {
        return rolledUp("case when a.neighbourhood_key = 0 then '' else cast(a.neighbourhood_key as text) end",
                "coalesce((select name from neighbourhood where id = a.neighbourhood_key), '')", period, filter);
    }

    /** Ideas, supports and comments of the period per category (French name; views translate with the category list). */
    @PreAuthorize("permitAll()")
    public List<GroupFigures> byCategory(ReportPeriod period, ReportFilter filter) {
        return rolledUp("cast(a.category_id as text)", "(select name_fr from category where id = a.category_id)", period, filter);
    }

    private List<GroupFigures> rolledUp(String key, String label, ReportPeriod period, ReportFilter filter) {
        String sql = """
                select %1$s as key, %2$s as label, sum(a.ideas) as ideas, sum(a.supports) as supports, sum(a.comments) as comments
                from activity_daily a where %3$s and %4$s
                group by 1, 2 having sum(a.ideas) + sum(a.supports) + sum(a.comments) > 0
                order by ideas desc, supports desc, label"""
                .formatted(key, label, ROLLUP_DAYS, rollupFilter(filter, "a"));
        return params(jdbc.sql(sql), period, filter)
                .query((rs, n) -> new GroupFigures(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /** Where the ideas published in the period stand now: ideas per current status. */
    @PreAuthorize("permitAll()")
    public List<GroupFigures> statusFunnel(ReportPeriod period, ReportFilter filter) {
        String sql = "select i.status, count(*) from idea i where %s and i.published_at %s and %s group by 1"
                .formatted(PUBLIC_IDEA, range("i.published_at"), ideaFilter(filter));
        return params(jdbc.sql(sql), period, filter)
                .query((rs, n) -> new GroupFigures(rs.getString(1), rs.getString(1), rs.getLong(2), 0, 0)).list();
    }

    /** How long answers given in the period took, in bands of days since publication. */
    @PreAuthorize("permitAll()")
    public List<GroupFigures> answerTimes(ReportPeriod period, ReportFilter filter) {
        String sql = """
                with answered as (
                    select date_part('epoch', m.answered_at - coalesce(m.published_at, m.content_created_at)) / 86400 as days
                    from moderation_item m %1$s
                    where m.content_type = 'IDEA' and m.answered_at %2$s and %3$s)
                select count(*) filter (where days < 8), count(*) filter (where days >= 8 and days < 15),
                       count(*) filter (where days >= 15 and days < 31), count(*) filter (where days >= 31 and days < 61),
                       count(*) filter (where days >= 61)
                from answered"""
                .formatted(filtered(filter) ? "join idea i on i.id = m.content_id" : "", range("m.answered_at"), ideaFilter(filter));
        return params(jdbc.sql(sql), period, filter).query((rs, n) -> {
            List<GroupFigures> bands = new ArrayList<>();
            for (int band = 0; band < ANSWER_BANDS.size(); band++) {
                bands.add(new GroupFigures(ANSWER_BANDS.get(band), ANSWER_BANDS.get(band), rs.getLong(band + 1), 0, 0));
            }
            return bands;
        }).single();
    }

    /** The bands of days from publication to answer, in order; the last is open-ended. */
    static final List<String> ANSWER_BANDS = List.of("0-7", "8-14", "15-30", "31-60", "61+");

    // Exports -----------------------------------------------------------------------------------

    /**
     * Writes an export of the period as CSV or XLSX. Rows are read from the database in batches
     * (fetch size {@value #FETCH_SIZE}, inside this read-only transaction) and written one by one:
     * memory stays constant whatever the number of rows. Column names come from {@code translate}.
     */
    @PreAuthorize(STAFF)
    public void export(ExportKind kind, ExportFormat format, ReportPeriod period, ReportFilter filter,
                       Function<String, String> translate, OutputStream out) {
        try (TableSink sink = TableSink.of(format, out, translate.apply("reports.export." + kind.name()))) {
            switch (kind) {
                case FIGURES -> {
                    sink.header(columns(translate, "reports.csv.", "metric", "value", "previous", "definition"));
                    for (MetricValue value : figures(period, filter)) {
                        sink.row(java.util.Arrays.asList(translate.apply(value.metric().nameKey()), cell(value.metric(), value.value()),
                                cell(value.metric(), value.previous()), translate.apply(value.metric().definitionKey())));
                    }
                }
                case IDEAS -> {
                    sink.header(columns(translate, "reports.csv.idea.", IDEA_COLUMNS.toArray(String[]::new)));
                    stream(sink, """
                            select i.id, i.title, i.status, (select name_fr from category where id = i.category_id),
                                   coalesce((select name from neighbourhood where id = i.neighbourhood_id), ''),
                                   i.published_at, c.support_count, c.comment_count, m.due_at, m.answered_at
                            from idea i join idea_counts c on c.idea_id = i.id left join moderation_item m on m.content_type = 'IDEA' and m.content_id = i.id
                            where %s and i.published_at %s and %s order by i.published_at, i.id"""
                            .formatted(PUBLIC_IDEA, range("i.published_at"), ideaFilter(filter)), period, filter,
                            // The status in words, in the reader's language, as the headers are (not PUBLISHED, IN_PROGRESS).
                            cells -> cells.set(IDEA_COLUMNS.indexOf("status"), translate.apply("idea.status." + cells.get(IDEA_COLUMNS.indexOf("status")))));
                }
                case SUPPORTS_PER_WEEK -> {
                    sink.header(columns(translate, "reports.csv.week.", "idea", "title", "week", "supports"));
                    stream(sink, """
                            select i.id, i.title, (date_trunc('week', s.created_at at time zone :zone))::date as week, count(*)
                            from support s join idea i on i.id = s.idea_id
                            where s.created_at %s and %s group by i.id, i.title, week order by week, i.id"""
                            .formatted(range("s.created_at"), ideaFilter(filter)), period, filter);
                }
                case COMMENTS -> {
                    sink.header(columns(translate, "reports.csv.comment.", "id", "idea", "title", "date", "reply", "text"));
                    stream(sink, """
                            select c.id, i.id, i.title, c.created_at, c.parent_id is not null, c.body
                            from comment c join idea i on i.id = c.target_id
                            where c.target_type = 'IDEA' and c.deleted_at is null and not c.hidden and c.created_at %s and %s
                            order by c.created_at, c.id"""
                            .formatted(range("c.created_at"), ideaFilter(filter)), period, filter);
                }
            }
        }
    }

    /** Counts are whole numbers in the file too; percentages and days keep their decimals. */
    private static Object cell(Metric metric, Double value) {
        return value != null && metric.unit() == Metric.Unit.COUNT ? (Object) Math.round(value) : value;
    }

    static final int FETCH_SIZE = 500;

    static final List<String> IDEA_COLUMNS = List.of("id", "title", "status", "category", "neighbourhood", "published", "supports",
            "comments", "due", "answered");

    /** Streams a query's rows to the sink: timestamps become Paris dates, booleans yes/no words stay for the reader. */
    private void stream(TableSink sink, String sql, ReportPeriod period, ReportFilter filter) {
        stream(sink, sql, period, filter, cells -> { });
    }

    /** As {@link #stream(TableSink, String, ReportPeriod, ReportFilter)}, {@code words} turning codes of a row into words. */
    private void stream(TableSink sink, String sql, ReportPeriod period, ReportFilter filter, java.util.function.Consumer<List<Object>> words) {
        params(jdbc.sql(sql), period, filter).withFetchSize(FETCH_SIZE).query(rs -> {
            int columns = rs.getMetaData().getColumnCount();
            List<Object> cells = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                Object value = rs.getObject(i);
                cells.add(switch (value) {
                    case Timestamp timestamp -> timestamp.toInstant().atZone(TownZone.zone()).toLocalDate();
                    case java.sql.Date date -> date.toLocalDate();
                    case Boolean flag -> flag ? 1 : 0;
                    case null, default -> value;
                });
            }
            words.accept(cells);
            sink.row(cells);
        });
    }

    private static List<String> columns(Function<String, String> translate, String prefix, String... names) {
        List<String> header = new ArrayList<>();
        for (String name : names) {
            header.add(translate.apply(prefix + name));
        }
        return header;
    }

    // Helpers -----------------------------------------------------------------------------------

    private static boolean filtered(ReportFilter filter) {
        return filter.neighbourhoodId() != null || filter.categoryId() != null;
    }

    /** The filter on ideas (alias {@code i}): 0 as neighbourhood means ideas about the whole town. */
    private static String ideaFilter(ReportFilter filter) {
        List<String> parts = new ArrayList<>(List.of("true"));
        if (filter.neighbourhoodId() != null) {
            parts.add(filter.neighbourhoodId() == 0 ? "i.neighbourhood_id is null" : "i.neighbourhood_id = :nb");
        }
        if (filter.categoryId() != null) {
            parts.add("i.category_id = :cat");
        }
        return String.join(" and ", parts);
    }

    /** The same filter on a rollup keyed by category and neighbourhood (0: ideas about the whole town). */
    private static String rollupFilter(ReportFilter filter, String alias) {
        List<String> parts = new ArrayList<>(List.of("true"));
        if (filter.neighbourhoodId() != null) {
            parts.add(alias + ".neighbourhood_key = :nb");
        }
        if (filter.categoryId() != null) {
            parts.add(alias + ".category_id = :cat");
        }
        return String.join(" and ", parts);
    }

    /** New accounts are narrowed by their declared neighbourhood only (they have no category). */
    private static String accountFilter(ReportFilter filter) {
        if (filter.neighbourhoodId() == null) {
            return "true";
        }
        return filter.neighbourhoodId() == 0 ? "a.neighbourhood_id is null" : "a.neighbourhood_id = :nb";
    }

    private static String range(String column) {
        return IN_PERIOD.formatted(column);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, ReportPeriod period, ReportFilter filter) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", Timestamp.from(period.start()));
        values.put("to", Timestamp.from(period.end()));
        values.put("firstDay", period.first());
        values.put("lastDay", period.last());
        values.put("zone", TownZone.zone().getId());
        values.put("nb", filter.neighbourhoodId());
        values.put("cat", filter.categoryId());
        return spec.params(values);
    }
}
