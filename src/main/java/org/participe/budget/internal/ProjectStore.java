package org.participe.budget.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.participe.base.PhotoProcessor;
import org.participe.budget.ProjectCard;
import org.participe.budget.ProjectFilter;
import org.participe.budget.ProjectStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Budget projects ({@code budget_project}) and their photos ({@code budget_project_photo}), written
 * by the use cases of {@code ProjectService}. Each method is one SQL statement; lists read one page
 * with the authors' public names in the same statement.
 */
@Component
public class ProjectStore {

    private static final String CARD_COLUMNS = """
            p.id, p.campaign_id, p.envelope_id, p.title, p.location, p.cost_cents, p.status, p.has_photo, p.photo_description,
            p.language, a.display_name as author_name""";

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long campaignId, long authorId, ProjectText text, String lang, LocalDate reviewDueOn, Instant now) {
        return jdbc.sql("""
                        insert into budget_project (campaign_id, envelope_id, author_id, title, description, location, language,
                                                    estimated_cost_cents, cost_cents, has_photo, photo_description, review_due_on, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(campaignId, text.envelopeId(), authorId, text.title(), text.description(), text.location(), lang,
                        text.costCents(), text.costCents(), text.hasPhoto(), text.photoDescription(),
                        reviewDueOn == null ? null : Date.valueOf(reviewDueOn), CampaignStore.ts(now), CampaignStore.ts(now))
                .query(Long.class).single();
    }

    /** The author's correction, if the project is still at {@code version}; the cost the vote uses follows the estimate. */
    public boolean rewrite(long id, long version, ProjectText text, boolean keepPhoto, Instant now) {
        return jdbc.sql("""
                        update budget_project set title = ?, description = ?, envelope_id = ?, location = ?, estimated_cost_cents = ?,
                               cost_cents = ?, has_photo = (? or (has_photo and ?)), photo_description = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(text.title(), text.description(), text.envelopeId(), text.location(), text.costCents(), text.costCents(),
                        text.hasPhoto(), keepPhoto, text.photoDescription(), CampaignStore.ts(now), id, version)
                .update() == 1;
    }

    public Optional<ProjectRow> find(long id) {
        return jdbc.sql("""
                        select p.*, a.display_name as author_name, r.display_name as reviewer_name, m.title as merged_into_title
                        from budget_project p
                             left join account_public a on a.id = p.author_id
                             left join account_public r on r.id = p.reviewed_by
                             left join budget_project m on m.id = p.merged_into
                        where p.id = ?""")
                .param(id).query(ProjectStore::row).optional();
    }

    /** A page of the campaign's projects, newest first. */
    public List<ProjectCard> list(long campaignId, ProjectFilter filter, boolean withHidden, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(campaignId, filter, withHidden, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + CARD_COLUMNS + " from budget_project p left join account_public a on a.id = p.author_id where "
                        + where + " order by p.id desc limit :limit offset :offset")
                .params(params).query(ProjectStore::card).list();
    }

    public long count(long campaignId, ProjectFilter filter, boolean withHidden) {
        Map<String, Object> params = new HashMap<>();
        String where = where(campaignId, filter, withHidden, params);
        return jdbc.sql("select count(*) from budget_project p where " + where).params(params).query(Long.class).single();
    }

    private static String where(long campaignId, ProjectFilter filter, boolean withHidden, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("p.campaign_id = :campaign"));
        params.put("campaign", campaignId);
        if (!withHidden) {
            conditions.add("not p.hidden");
        }
        if (filter.envelopeId() != null) {
            conditions.add("p.envelope_id = :envelope");
            params.put("envelope", filter.envelopeId());
        }
        if (filter.status() != null) {
            conditions.add("p.status = :status");
            params.put("status", filter.status().name());
        }
        return String.join(" and ", conditions);
    }

    /** Up to 5 visible projects of the campaign whose words or title resemble {@code text} (French full text, any word, and trigram similarity). */
    public List<ProjectCard> similar(long campaignId, String text) {
        return jdbc.sql("select " + CARD_COLUMNS + " " + """
                         from budget_project p left join account_public a on a.id = p.author_id,
                              lateral (select coalesce(nullif(replace(plainto_tsquery('participe_french', :text)::text, '&', '|'), ''), 'x')::tsquery as q) words
                         where p.campaign_id = :campaign and not p.hidden and p.status <> 'WITHDRAWN'
                           and (to_tsvector('participe_french', p.title) @@ words.q
                                or similarity(participe_unaccent(lower(p.title)), participe_unaccent(lower(:text))) > 0.25)
                         order by ts_rank(to_tsvector('participe_french', p.title), words.q)
                                  + similarity(participe_unaccent(lower(p.title)), participe_unaccent(lower(:text))) desc, p.id desc
                         limit 5""")
                .param("campaign", campaignId).param("text", text).query(ProjectStore::card).list();
    }

    /** Records the review if the project is still at {@code version}; false when someone changed it since. */
    public boolean review(long id, long version, ProjectStatus status, String answer, long costCents, String costReason, Long mergedInto,
                          long reviewer, Instant now) {
        return jdbc.sql("""
                        update budget_project set status = ?, review_answer = ?, cost_cents = ?, cost_reason = ?, merged_into = ?,
                               reviewed_by = ?, reviewed_at = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(status.name(), answer, costCents, costReason, mergedInto, reviewer, CampaignStore.ts(now), CampaignStore.ts(now), id, version)
                .update() == 1;
    }

    public void setReviewDue(long id, LocalDate dueOn) {
        jdbc.sql("update budget_project set review_due_on = ? where id = ?").params(dueOn == null ? null : Date.valueOf(dueOn), id).update();
    }

    public void savePhoto(long projectId, PhotoProcessor.Processed photo) {
        jdbc.sql("delete from budget_project_photo where project_id = ?").param(projectId).update();
        jdbc.sql("insert into budget_project_photo (project_id, content, content_type, thumbnail) values (?, ?, 'image/jpeg', ?)")
                .params(projectId, photo.photo(), photo.thumbnail()).update();
    }

    public Optional<byte[]> photo(long projectId, boolean thumbnail) {
        return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from budget_project_photo where project_id = ?")
                .param(projectId).query(byte[].class).optional();
    }

    private static ProjectCard card(ResultSet rs, int n) throws SQLException {
        return new ProjectCard(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("envelope_id"), rs.getString("title"),
                rs.getString("location"), rs.getLong("cost_cents"), ProjectStatus.valueOf(rs.getString("status")), rs.getBoolean("has_photo"),
                rs.getString("photo_description"), rs.getString("language"), rs.getString("author_name"));
    }

    private static ProjectRow row(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("review_due_on");
        return new ProjectRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("envelope_id"), (Long) rs.getObject("author_id"),
                rs.getString("author_name"), rs.getString("title"), rs.getString("description"), rs.getString("location"),
                rs.getString("language"), rs.getLong("estimated_cost_cents"), rs.getLong("cost_cents"), rs.getString("cost_reason"),
                ProjectStatus.valueOf(rs.getString("status")), rs.getString("review_answer"), rs.getString("reviewer_name"),
                CampaignStore.instant(rs, "reviewed_at"), due == null ? null : due.toLocalDate(), (Long) rs.getObject("merged_into"),
                rs.getString("merged_into_title"), rs.getBoolean("hidden"), rs.getBoolean("has_photo"), rs.getString("photo_description"),
                CampaignStore.instant(rs, "created_at"), rs.getLong("version"));
    }
}
