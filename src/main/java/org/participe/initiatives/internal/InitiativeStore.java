package org.participe.initiatives.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.participe.initiatives.BudgetOrigin;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code initiative} rows and the neighbourhoods each concerns ({@code initiative_neighbourhood}):
 * written by the use cases of {@code InitiativeService}, each save signed with who and when.
 * Each method is one SQL statement.
 */
@Component
public class InitiativeStore {

    private final JdbcClient jdbc;

    InitiativeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new initiative, written by {@code actor} in {@code lang}; its neighbourhoods and phases are added apart. */
    public long insert(InitiativeDraft draft, long actor, Instant now, String lang) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                        insert into initiative (title, summary, description, category_id, budget_euros, status, progress, contact_service,
                                                created_by, created_at, updated_by, updated_at, lang)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(draft.title(), draft.summary(), draft.description(), draft.categoryId(),
                        draft.budgetEuros(), draft.status().name(), draft.progress(), draft.contactService(),
                        actor, at, actor, at, lang)
                .query(Long.class).single();
    }

    /**
     * Rewrites the initiative if it is still at {@code version}, forgetting the phase set as
     * current (its phases are written again); false when someone changed it since.
     */
    public boolean rewrite(long id, long version, InitiativeDraft draft, long actor, Instant now) {
        return jdbc.sql("""
                        update initiative set title = ?, summary = ?, description = ?, category_id = ?, budget_euros = ?, status = ?,
                               progress = ?, contact_service = ?, current_phase_id = null, updated_by = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(draft.title(), draft.summary(), draft.description(), draft.categoryId(),
                        draft.budgetEuros(), draft.status().name(), draft.progress(), draft.contactService(),
                        actor, Timestamp.from(now), id, version)
                .update() == 1;
    }

    public void setCurrentPhase(long id, long phaseId) {
        jdbc.sql("update initiative set current_phase_id = ? where id = ?").params(phaseId, id).update();
    }

    public void addNeighbourhood(long id, long neighbourhoodId) {
        jdbc.sql("insert into initiative_neighbourhood (initiative_id, neighbourhood_id) values (?, ?)").params(id, neighbourhoodId).update();
    }

    public void removeNeighbourhoods(long id) {
        jdbc.sql("delete from initiative_neighbourhood where initiative_id = ?").param(id).update();
    }

    /** Publishes a draft (or an archived initiative never published) and dates its first publication; false when it was published already. */
    public boolean publish(long id, long actor, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("update initiative set published = true, archived = false, published_at = coalesce(published_at, ?), updated_by = ?, updated_at = ? where id = ? and not published")
                .params(at, actor, at, id).update() == 1;
    }

    public void setArchived(long id, boolean archived, long actor, Instant now) {
        jdbc.sql("update initiative set archived = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(archived, actor, Timestamp.from(now), id).update();
    }

    /** Records that the initiative has a cover, and its description. */
    public void describeCover(long id, String description, long actor, Instant now) {
        jdbc.sql("update initiative set has_cover = true, cover_description = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(description, actor, Timestamp.from(now), id).update();
    }

    /** Moves the initiative up the lists, as a new update does, without signing it as changed. */
    public void touch(long id, Instant now) {
        jdbc.sql("update initiative set updated_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    /** The initiative as its page shows it, with the name of who changed it last and its neighbourhoods; whoever may see it. */
    public Optional<InitiativeRecord> find(long id) {
        return jdbc.sql("""
                        select i.*, a.display_name as updated_by_name,
                               (select array_agg(neighbourhood_id) from initiative_neighbourhood where initiative_id = i.id) as places
                        from initiative i join account_public a on a.id = i.updated_by where i.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Set<Long> places = new HashSet<>();
                    Array array = rs.getArray("places");
                    if (array != null) {
                        for (Object value : (Object[]) array.getArray()) {
                            places.add(((Number) value).longValue());
                        }
                    }
                    return new InitiativeRecord(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                            rs.getString("description"), rs.getLong("category_id"), places, (Long) rs.getObject("budget_euros"),
                            InitiativeStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getString("contact_service"),
                            rs.getBoolean("published"), rs.getBoolean("archived"), rs.getBoolean("has_cover"), rs.getString("cover_description"),
                            (Long) rs.getObject("current_phase_id"),
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                            rs.getString("updated_by_name"), rs.getLong("version"), rs.getString("lang"));
                })
                .optional();
    }

    /** Records the budget project the initiative continues (once: a project becomes one initiative at most). */
    public void setBudgetOrigin(long id, BudgetOrigin origin) {
        jdbc.sql("update initiative set origin_budget_project_id = ?, origin_budget_campaign = ? where id = ?")
                .params(origin.projectId(), origin.campaignTitle(), id).update();
    }

    public Optional<BudgetOrigin> budgetOrigin(long id) {
        return jdbc.sql("select origin_budget_project_id, origin_budget_campaign from initiative where id = ? and origin_budget_project_id is not null")
                .param(id).query((rs, n) -> new BudgetOrigin(rs.getLong(1), rs.getString(2))).optional();
    }
}
