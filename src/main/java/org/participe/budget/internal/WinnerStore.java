package org.participe.budget.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The winning projects ({@code budget_project} SELECTED by the count) that staff turn into
 * initiatives, and the link from each to its initiative ({@code initiative_id}).
 */
@Component
public class WinnerStore {

    private final JdbcClient jdbc;

    WinnerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A winning project not yet turned into an initiative, with what the initiative is made of. */
    public record Winner(long id, String title, String description, long costCents, Long neighbourhoodId, String campaignTitle) {
    }

    /**
     * The counted campaign's winners not yet turned (not hidden by moderation), locked until the end of
     * the transaction: two staff clicking at once turn each project once, the second finding it done.
     */
    public List<Winner> notYetTurned(long campaignId) {
        return jdbc.sql("""
                        select p.id, p.title, p.description, p.cost_cents, e.neighbourhood_id, c.title as campaign_title
                        from budget_project p
                        join budget_envelope e on e.id = p.envelope_id
                        join budget_campaign c on c.id = p.campaign_id
                        where p.campaign_id = ? and c.counted_at is not null and p.status = 'SELECTED' and p.initiative_id is null and not p.hidden
                        order by p.id
                        for update of p""")
                .param(campaignId)
                .query((rs, n) -> new Winner(rs.getLong("id"), rs.getString("title"), rs.getString("description"), rs.getLong("cost_cents"),
                        (Long) rs.getObject("neighbourhood_id"), rs.getString("campaign_title")))
                .list();
    }

    /** Links the project to its initiative, if no other did meanwhile; whether this call did. */
    public boolean link(long projectId, long initiativeId) {
        return jdbc.sql("update budget_project set initiative_id = ? where id = ? and initiative_id is null")
                .params(initiativeId, projectId).update() == 1;
    }

    /** The initiative a project became, if any. */
    public Optional<Long> initiativeOf(long projectId) {
        return jdbc.sql("select initiative_id from budget_project where id = ? and initiative_id is not null").param(projectId)
                .query(Long.class).optional();
    }
}
