package org.participe.reporting.internal;

import static org.participe.reporting.internal.ReportSql.params;
import static org.participe.reporting.internal.ReportSql.participantsSql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who takes part, by neighbourhood, age band and sex (from {@code account_demographics}), and the
 * town's reference population they are compared with ({@code reference_population}, owned here).
 * Each method is one SQL statement, except {@link #replacePopulations}.
 */
@Component
public class RepresentationStore {

    private final JdbcClient jdbc;

    RepresentationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The period's participants counted per group, keyed {@code DIMENSION:group} (NEIGHBOURHOOD,
     * AGE_BAND, SEX); undeclared values are left out. Ages are counted in {@code year}.
     */
    public Map<String, Integer> participantsPerGroup(ReportPeriod period, ReportFilter filter, int year) {
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
                      from (%s) p join account_demographics a on a.id = p.who) people
                group by grouping sets ((people.neighbourhood_id), (people.band), (people.sex))""".formatted(participantsSql(filter));
        Map<String, Integer> counts = new HashMap<>();
        params(jdbc.sql(sql), period, filter).param("year", year).query((rs, n) -> {
            if (rs.getString(2) != null) {
                counts.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
            }
            return null;
        }).list();
        return counts;
    }

    /** The active neighbourhoods, id to name, by name. */
    public Map<String, String> activeNeighbourhoods() {
        Map<String, String> neighbourhoods = new LinkedHashMap<>();
        jdbc.sql("select id, name from neighbourhood_public where active order by name").query((rs, n) -> neighbourhoods.put(rs.getString(1), rs.getString(2))).list();
        return neighbourhoods;
    }

    /** The reference population per group, keyed {@code DIMENSION:group}. */
    public Map<String, Integer> populations() {
        Map<String, Integer> populations = new HashMap<>();
        jdbc.sql("select dimension, group_key, population from reference_population")
                .query((rs, n) -> populations.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3))).list();
        return populations;
    }

    /** The reference population's source and version, once an administrator entered it. */
    public record Source(String source, long version) {
    }

    public Optional<Source> source() {
        return jdbc.sql("select source, version from reference_population_source where id = 1")
                .query((rs, n) -> new Source(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /** False when a source exists already. */
    public boolean insertSource(String source, long adminId) {
        return jdbc.sql("insert into reference_population_source (id, source, updated_by) values (1, ?, ?) on conflict do nothing")
                .params(source, adminId).update() != 0;
    }

    /** False when the source is no longer at {@code version}. */
    public boolean updateSource(String source, long adminId, long version) {
        return jdbc.sql("update reference_population_source set source = ?, updated_at = now(), updated_by = ?, version = version + 1 where id = 1 and version = ?")
                .params(source, adminId, version).update() != 0;
    }

    /** Replaces every group's population; groups without a number ({@code null}) are left out. */
    public void replacePopulations(Map<String, Integer> populations) {
        jdbc.sql("delete from reference_population").update();
        populations.forEach((key, people) -> {
            if (people != null) {
                String[] parts = key.split(":", 2);
                jdbc.sql("insert into reference_population (dimension, group_key, population) values (?, ?, ?)").params(parts[0], parts[1], people).update();
            }
        });
    }
}
