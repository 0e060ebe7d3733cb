package org.participe.ideas.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.participe.base.validation.TypedText;
import org.participe.ideas.IdeaCard;
import org.participe.ideas.IdeaFilter;
import org.participe.ideas.IdeaStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ideas as lists show them (cards): the public list and its count, similar titles, a person's
 * own and supported ideas, those given by id. Each list is one SQL statement, whatever its size.
 */
@Component
public class IdeaCardStore {

    /** An idea {@code i} with its counts {@code c}, kept in a table of their own (V7__idea_counts.sql), and its author {@code a}. */
    static final String IDEA_WITH_COUNTS = "idea i join idea_counts c on c.idea_id = i.id join account_public a on a.id = i.author_id";
    private static final String CARD_COLUMNS = """
            i.id, i.title, left(i.description, 220) as excerpt, i.category_id, i.neighbourhood_id, i.status,
            c.support_count, c.comment_count, i.has_photo, i.published_at, i.created_at, a.display_name as author_name, i.lang""";

    private final JdbcClient jdbc;

    IdeaCardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the public list, in the filter's order. */
    public List<IdeaCard> list(IdeaFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = publicWhere(filter, params);
        String order = switch (filter.sortOrDefault()) {
            case SUPPORTED -> "c.support_count desc, c.idea_id desc";
            case DISCUSSED -> "c.comment_count desc, c.idea_id desc";
            case ANSWERED -> "i.last_answered_at desc nulls last, i.id desc";
            case NEWEST -> "i.published_at desc, i.id desc";
        };
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + " where " + where
                        + " order by " + order + " limit :limit offset :offset")
                .params(params).query(IdeaCardStore::card).list();
    }

    /** How many public ideas match, counted no further than {@code countLimit}. */
    public long countUpTo(IdeaFilter filter, int countLimit) {
        Map<String, Object> params = new HashMap<>();
        String where = publicWhere(filter, params);
        params.put("countLimit", countLimit);
        return jdbc.sql("select count(*) from (select 1 from idea i where " + where + " limit :countLimit) matching")
                .params(params).query(Long.class).single();
    }

    private static String publicWhere(IdeaFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("not i.hidden", "i.status <> 'PENDING'"));
        String text = TypedText.forSearch(filter.text());
        if (!text.isEmpty()) {
            conditions.add("i.search @@ websearch_to_tsquery('participe_french', :text)");
            params.put("text", text);
        }
        if (filter.categoryId() != null) {
            conditions.add("i.category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.neighbourhoodId() != null) {
            if (filter.neighbourhoodId() == IdeaFilter.WHOLE_TOWN) {
                conditions.add("i.neighbourhood_id is null");
            } else {
                conditions.add("i.neighbourhood_id = :neighbourhood");
                params.put("neighbourhood", filter.neighbourhoodId());
            }
        }
        if (filter.status() != null) {
            conditions.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        return String.join(" and ", conditions);
    }

    /** Up to 5 public ideas whose words or title resemble {@code text} (French full text, any word, and trigram similarity). */
    public List<IdeaCard> similar(String text) {
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + ",\n" + """
                              lateral (select coalesce(nullif(replace(plainto_tsquery('participe_french', :text)::text, '&', '|'), ''), 'x')::tsquery as q) words
                         where not i.hidden and i.status not in ('PENDING', 'WITHDRAWN')
                           and (i.search @@ words.q or similarity(participe_unaccent(lower(i.title)), participe_unaccent(lower(:text))) > 0.25)
                         order by ts_rank(i.search, words.q) + similarity(participe_unaccent(lower(i.title)), participe_unaccent(lower(:text))) desc, i.id desc
                         limit 5""")
                .param("text", text).query(IdeaCardStore::card).list();
    }

    /** The public ideas among {@code ids}, in no particular order. */
    public List<IdeaCard> publicCards(List<Long> ids) {
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + " where i.id in (:ids) and not i.hidden and i.status <> 'PENDING'")
                .param("ids", ids).query(IdeaCardStore::card).list();
    }

    /** A person's own ideas, whatever their status, newest first. */
    public List<IdeaCard> byAuthor(long authorId, int offset, int limit) {
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + " where i.author_id = ? order by i.created_at desc, i.id desc limit ? offset ?")
                .params(authorId, limit, offset).query(IdeaCardStore::card).list();
    }

    /** The ideas a person supports and may still see, most recent support first. */
    public List<IdeaCard> supportedBy(long accountId, int offset, int limit) {
        return jdbc.sql("select " + CARD_COLUMNS + " " + """
                         from support s join idea i on i.id = s.idea_id join account_public a on a.id = i.author_id join idea_counts c on c.idea_id = i.id
                         where s.account_id = ? and not i.hidden order by s.created_at desc, i.id desc limit ? offset ?""")
                .params(accountId, limit, offset).query(IdeaCardStore::card).list();
    }

    /** The ideas that fed into an initiative, the most supported first. */
    public List<Long> idsLinkedTo(long initiativeId) {
        return jdbc.sql("select i.id from idea i join idea_counts c on c.idea_id = i.id where i.initiative_id = ? order by c.support_count desc, i.id")
                .param(initiativeId).query(Long.class).list();
    }

    private static IdeaCard card(ResultSet rs, int row) throws SQLException {
        Instant published = IdeaStore.instant(rs, "published_at");
        return new IdeaCard(rs.getLong("id"), rs.getString("title"), rs.getString("excerpt"), rs.getLong("category_id"),
                (Long) rs.getObject("neighbourhood_id"), IdeaStatus.valueOf(rs.getString("status")), rs.getInt("support_count"),
                rs.getInt("comment_count"), rs.getBoolean("has_photo"), published != null ? published : IdeaStore.instant(rs, "created_at"),
                rs.getString("author_name"), rs.getString("lang"));
    }
}
