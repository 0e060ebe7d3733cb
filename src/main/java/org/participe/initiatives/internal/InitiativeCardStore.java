package org.participe.initiatives.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.participe.initiatives.InitiativeCard;
import org.participe.initiatives.InitiativeFilter;
import org.participe.initiatives.InitiativeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Initiatives as lists show them (cards), with their current phase: the list and its count,
 * those given by id. {@code publicOnly} keeps to the published initiatives not archived. Each
 * list is one SQL statement, whatever its size.
 */
@Component
public class InitiativeCardStore {

    private final JdbcClient jdbc;

    InitiativeCardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the list, the initiatives changed last first. */
    public List<InitiativeCard> list(InitiativeFilter filter, boolean publicOnly, LocalDate today, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, publicOnly, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return cards(where, params, today, " order by i.updated_at desc, i.id desc limit :limit offset :offset");
    }

    /** The cards of these initiatives, in no particular order. */
    public List<InitiativeCard> byIds(List<Long> ids, boolean publicOnly, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(InitiativeFilter.all(), publicOnly, params) + " and i.id in (:ids)";
        params.put("ids", ids);
        return cards(where, params, today, "");
    }

    public long count(InitiativeFilter filter, boolean publicOnly) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, publicOnly, params);
        return jdbc.sql("select count(*) from initiative i where " + where).params(params).query(Long.class).single();
    }

    /** The phase shown on a card: the one staff set as current, else the first whose dates contain today. */
    private List<InitiativeCard> cards(String where, Map<String, Object> params, LocalDate today, String orderAndLimit) {
        params.put("today", Date.valueOf(today));
        return jdbc.sql("""
                        select i.id, i.title, i.summary, i.category_id, i.status, i.progress, i.published, i.updated_at, i.has_cover, i.cover_description, i.lang,
                               coalesce(cp.name, dp.name) as phase
                        from initiative i
                        left join initiative_phase cp on cp.id = i.current_phase_id
                        left join lateral (select p.name from initiative_phase p where p.initiative_id = i.id
                                           and p.starts_on <= :today and p.ends_on >= :today order by p.position limit 1) dp on true
                        where """ + " " + where + orderAndLimit)
                .params(params)
                .query((rs, n) -> new InitiativeCard(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                        rs.getLong("category_id"), InitiativeStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
                        rs.getBoolean("published"), rs.getBoolean("has_cover"), rs.getString("cover_description"), rs.getString("phase"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("lang")))
                .list();
    }

    private static String where(InitiativeFilter filter, boolean publicOnly, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add(publicOnly ? "i.published and not i.archived" : "true");
        if (filter.status() != null) {
            conditions.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.categoryId() != null) {
            conditions.add("i.category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.neighbourhoodId() != null) {
            conditions.add("exists (select 1 from initiative_neighbourhood n where n.initiative_id = i.id and n.neighbourhood_id = :neighbourhood)");
            params.put("neighbourhood", filter.neighbourhoodId());
        }
        return String.join(" and ", conditions);
    }
}
