package org.participe.budget.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.participe.budget.BallotKind;
import org.participe.budget.BudgetPhase;
import org.participe.budget.CountingRule;
import org.participe.budget.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns ({@code budget_campaign}) and their envelopes ({@code budget_envelope}), written by the
 * use cases of {@code CampaignService}. Each method is one SQL statement.
 */
@Component
public class CampaignStore {

    private final JdbcClient jdbc;

    CampaignStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CampaignRow row, long actor, String lang, Instant now) {
        return jdbc.sql("""
                        insert into budget_campaign (title, rules, language, ballot_kind, max_projects, counting_rule, minimum_age,
                                                     submission_opens_at, review_opens_at, vote_opens_at, vote_closes_at, implementation_from,
                                                     published, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(row.title(), row.rules(), lang, row.ballotKind().name(), row.maxProjects(), row.countingRule().name(), row.minimumAge(),
                        ts(row.submissionOpensAt()), ts(row.reviewOpensAt()), ts(row.voteOpensAt()), ts(row.voteClosesAt()),
                        ts(row.implementationFrom()), row.published(), actor, ts(now), ts(now))
                .query(Long.class).single();
    }

    /** Rewrites the campaign if it is still at {@code version}; false when someone changed it since. */
    public boolean rewrite(long id, long version, CampaignRow row, Instant now) {
        return jdbc.sql("""
                        update budget_campaign set title = ?, rules = ?, ballot_kind = ?, max_projects = ?, counting_rule = ?, minimum_age = ?,
                               submission_opens_at = ?, review_opens_at = ?, vote_opens_at = ?, vote_closes_at = ?, implementation_from = ?,
                               published = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(row.title(), row.rules(), row.ballotKind().name(), row.maxProjects(), row.countingRule().name(), row.minimumAge(),
                        ts(row.submissionOpensAt()), ts(row.reviewOpensAt()), ts(row.voteOpensAt()), ts(row.voteClosesAt()),
                        ts(row.implementationFrom()), row.published(), ts(now), id, version)
                .update() == 1;
    }

    public Optional<CampaignRecord> find(long id) {
        return jdbc.sql("select * from budget_campaign where id = ?").param(id).query(CampaignStore::record).optional();
    }

    /** Campaigns newest vote first; drafts only when {@code withDrafts}. */
    public List<CampaignRecord> list(boolean withDrafts, int offset, int limit) {
        return jdbc.sql("select * from budget_campaign where published or ? order by vote_opens_at desc, id desc limit ? offset ?")
                .params(withDrafts, limit, offset).query(CampaignStore::record).list();
    }

    public long count(boolean withDrafts) {
        return jdbc.sql("select count(*) from budget_campaign where published or ?").param(withDrafts).query(Long.class).single();
    }

    /** The envelopes of the campaigns given, the whole town's first, then by neighbourhood name. */
    public List<CampaignEnvelope> envelopes(List<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select e.id, e.campaign_id, e.neighbourhood_id, n.name, e.amount_cents
                        from budget_envelope e left join neighbourhood_public n on n.id = e.neighbourhood_id
                        where e.campaign_id in (:ids)
                        order by e.campaign_id, e.neighbourhood_id is not null, n.name, e.id""")
                .param("ids", campaignIds)
                .query((rs, n) -> new CampaignEnvelope(rs.getLong("campaign_id"), new Envelope(rs.getLong("id"),
                        (Long) rs.getObject("neighbourhood_id"), rs.getString("name"), rs.getLong("amount_cents"))))
                .list();
    }

    /** Sets the amount of the campaign's envelope for that neighbourhood (null: the whole town), creating it if needed. */
    public void putEnvelope(long campaignId, Long neighbourhoodId, long amountCents) {
        jdbc.sql("""
                        insert into budget_envelope (campaign_id, neighbourhood_id, amount_cents) values (?, ?, ?)
                        on conflict (campaign_id, neighbourhood_id) do update set amount_cents = excluded.amount_cents""")
                .params(campaignId, neighbourhoodId, amountCents).update();
    }

    /** The ids of the campaign's envelopes that projects ask money from (they cannot be removed). */
    public Set<Long> envelopesInUse(long campaignId) {
        return Set.copyOf(jdbc.sql("select distinct p.envelope_id from budget_project p where p.campaign_id = ?")
                .param(campaignId).query(Long.class).list());
    }

    public void removeEnvelope(long envelopeId) {
        jdbc.sql("delete from budget_envelope where id = ?").param(envelopeId).update();
    }

    private static CampaignRecord record(ResultSet rs, int row) throws SQLException {
        return new CampaignRecord(rs.getLong("id"), rs.getString("title"), rs.getString("rules"), rs.getString("language"),
                BallotKind.valueOf(rs.getString("ballot_kind")), (Integer) rs.getObject("max_projects"),
                CountingRule.valueOf(rs.getString("counting_rule")), rs.getInt("minimum_age"),
                instant(rs, "submission_opens_at"), instant(rs, "review_opens_at"), instant(rs, "vote_opens_at"),
                instant(rs, "vote_closes_at"), instant(rs, "implementation_from"), rs.getBoolean("published"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** An envelope with the campaign it belongs to. */
    public record CampaignEnvelope(long campaignId, Envelope envelope) {
    }

    /**
     * The published campaigns the phase job looks at: every one not yet seen, or not yet announced in
     * its last phase (a handful, one campaign a year).
     */
    public List<PhaseWatch> phaseWatches() {
        return jdbc.sql("""
                        select id, title, submission_opens_at, review_opens_at, vote_opens_at, vote_closes_at, implementation_from, announced_phase
                        from budget_campaign where published and announced_phase is distinct from 'IMPLEMENTATION'""")
                .query((rs, n) -> new PhaseWatch(rs.getLong("id"), rs.getString("title"),
                        instant(rs, "submission_opens_at"), instant(rs, "review_opens_at"), instant(rs, "vote_opens_at"),
                        instant(rs, "vote_closes_at"), instant(rs, "implementation_from"),
                        rs.getString("announced_phase") == null ? null : BudgetPhase.valueOf(rs.getString("announced_phase"))))
                .list();
    }

    /**
     * Records that the campaign's phase {@code next} is announced, if it still is {@code previous}
     * (null: never seen): true for the one caller that changed it, false for any other instance or
     * run that raced it. Neither the version nor updated_at move: staff editing the campaign meanwhile
     * are not refused.
     */
    public boolean announcePhase(long id, BudgetPhase previous, BudgetPhase next) {
        return jdbc.sql("update budget_campaign set announced_phase = ? where id = ? and published and announced_phase is not distinct from ?")
                .params(next.name(), id, previous == null ? null : previous.name()).update() == 1;
    }

    /** A published campaign's dates and the phase last announced (null: never seen by the job). */
    public record PhaseWatch(long id, String title, Instant submissionOpensAt, Instant reviewOpensAt, Instant voteOpensAt,
                             Instant voteClosesAt, Instant implementationFrom, BudgetPhase announced) {

        public BudgetPhase phaseAt(Instant now) {
            return BudgetPhase.at(now, submissionOpensAt, reviewOpensAt, voteOpensAt, voteClosesAt, implementationFrom);
        }
    }
}
