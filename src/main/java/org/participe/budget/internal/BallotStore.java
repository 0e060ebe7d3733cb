package org.participe.budget.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.participe.base.database.SqlArrays;
import org.participe.budget.BallotProject;
import org.participe.budget.BallotRules;
import org.participe.budget.VoterEligibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vote's SQL: the campaign's settings, envelopes and feasible projects as the ballot needs them,
 * who may vote (from accounts' published views), and the ballots themselves. Who voted
 * (budget_participation) and what was chosen (budget_ballot, found only through its voter key) are
 * written apart, in the caller's transaction.
 */
@Component
public class BallotStore {

    /** The start of a project's description shown on its ballot card. */
    static final int SUMMARY_LENGTH = 180;

    private static final String SETTINGS = """
            select id, title, ballot_kind, max_projects, counting_rule, minimum_age, submission_opens_at, review_opens_at,
                   vote_opens_at, vote_closes_at, implementation_from, published, counted_at, language
            from budget_campaign where id = ?""";

    private final JdbcClient jdbc;

    BallotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VoteSettings> settings(long campaignId) {
        return jdbc.sql(SETTINGS).param(campaignId).query(BallotStore::settings).optional();
    }

    /**
     * The settings, the campaign's row held in share mode until the transaction ends: the count claims
     * the row for update, so a cast in flight ends before the count reads the ballots, and a cast that
     * comes after the count's claim sees it counted.
     */
    public Optional<VoteSettings> settingsForCast(long campaignId) {
        return jdbc.sql(SETTINGS + " for share").param(campaignId).query(BallotStore::settings).optional();
    }

    static VoteSettings settings(ResultSet rs, int row) throws SQLException {
        return new VoteSettings(rs.getLong("id"), rs.getString("title"), BallotRules.Kind.valueOf(rs.getString("ballot_kind")),
                (Integer) rs.getObject("max_projects"), rs.getString("counting_rule"), rs.getInt("minimum_age"),
                instant(rs, "submission_opens_at"), instant(rs, "review_opens_at"), instant(rs, "vote_opens_at"),
                instant(rs, "vote_closes_at"), instant(rs, "implementation_from"), rs.getBoolean("published"),
                instant(rs, "counted_at"), rs.getString("language"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The campaign's envelopes: the whole town first, then the neighbourhoods by name. */
    public List<EnvelopeRow> envelopes(long campaignId) {
        return jdbc.sql("""
                select e.id, e.neighbourhood_id, n.name, e.amount_cents
                from budget_envelope e left join neighbourhood_public n on n.id = e.neighbourhood_id
                where e.campaign_id = ? order by e.neighbourhood_id is not null, n.name, e.id""")
                .param(campaignId)
                .query((rs, n) -> new EnvelopeRow(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The projects on the ballot (feasible, not hidden) of the given envelopes, by envelope, in project order. */
    public Map<Long, List<BallotProject>> ballotProjects(Collection<Long> envelopeIds) {
        Map<Long, List<BallotProject>> byEnvelope = new LinkedHashMap<>();
        envelopeIds.forEach(id -> byEnvelope.put(id, new ArrayList<>()));
        if (envelopeIds.isEmpty()) {
            return byEnvelope;
        }
        jdbc.sql("""
                select envelope_id, id, title, left(description, ?), cost_cents from budget_project
                where envelope_id = any (cast(? as bigint[])) and status = 'FEASIBLE' and not hidden order by id""")
                .params(SUMMARY_LENGTH + 1, SqlArrays.of(envelopeIds))
                .query((rs, n) -> byEnvelope.get(rs.getLong(1))
                        .add(new BallotProject(rs.getLong(2), rs.getString(3), summary(rs.getString(4)), rs.getLong(5))))
                .list();
        return byEnvelope;
    }

    private static String summary(String start) {
        if (start.length() <= SUMMARY_LENGTH) {
            return start;
        }
        int cut = start.lastIndexOf(' ', SUMMARY_LENGTH);
        return start.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH).strip() + "…";
    }

    /** Costs of the envelope's projects a ballot may hold (feasible, not hidden), by project id. */
    public Map<Long, Long> ballotCosts(long envelopeId) {
        Map<Long, Long> costs = new LinkedHashMap<>();
        jdbc.sql("select id, cost_cents from budget_project where envelope_id = ? and status = 'FEASIBLE' and not hidden")
                .param(envelopeId).query((rs, n) -> costs.put(rs.getLong(1), rs.getLong(2))).list();
        return costs;
    }

    /** What the eligibility rule needs of a person, from the views accounts publish; empty for an unknown account. */
    public Optional<VoterEligibility.Voter> voter(long accountId) {
        return jdbc.sql("""
                select d.email_confirmed_at is not null, p.blocked_at is not null, d.birth_year, d.neighbourhood_id
                from account_demographics d join account_public p on p.id = d.id where d.id = ?""")
                .param(accountId)
                .query((rs, n) -> new VoterEligibility.Voter(rs.getBoolean(1), rs.getBoolean(2), (Integer) rs.getObject(3),
                        (Long) rs.getObject(4)))
                .optional();
    }

    /** A confirmed, unblocked account as the demo's ballots need it. */
    public record DemoVoter(long id, String displayName, Integer birthYear, Long neighbourhoodId) {
    }

    /** Confirmed accounts nobody blocked, by number (the demo town's residents cast the demo's ballots). */
    public List<DemoVoter> confirmedAccounts() {
        return jdbc.sql("""
                select d.id, p.display_name, d.birth_year, d.neighbourhood_id
                from account_demographics d join account_public p on p.id = d.id
                where d.email_confirmed_at is not null and p.blocked_at is null order by d.id""")
                .query((rs, n) -> new DemoVoter(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), (Long) rs.getObject(4)))
                .list();
    }

    /** The published campaign with this title, if one exists (the newest when several do). */
    public Optional<Long> campaignTitled(String title) {
        return jdbc.sql("select id from budget_campaign where title = ? and published order by id desc limit 1").param(title)
                .query(Long.class).optional();
    }

    /** Whether anyone voted in the campaign already. */
    public boolean anyParticipation(long campaignId) {
        return Boolean.TRUE.equals(jdbc.sql("""
                select exists (select 1 from budget_participation p join budget_envelope e on e.id = p.envelope_id where e.campaign_id = ?)""")
                .param(campaignId).query(Boolean.class).single());
    }

    /** The campaign's ballot key, or empty before the first cast (and after the count erased it). */
    public Optional<byte[]> ballotKey(long campaignId) {
        return jdbc.sql("select ballot_key from budget_campaign where id = ? and ballot_key is not null").param(campaignId)
                .query(byte[].class).optional();
    }

    /**
     * The campaign's ballot key, created with {@code fresh} when it has none: of two first casts at
     * once, the second waits for the first's row lock and then keeps the key the first wrote. Empty
     * once the campaign is counted.
     */
    public Optional<byte[]> ballotKeyCreating(long campaignId, byte[] fresh) {
        return jdbc.sql("update budget_campaign set ballot_key = coalesce(ballot_key, ?) where id = ? and counted_at is null returning ballot_key")
                .params(fresh, campaignId).query(byte[].class).optional();
    }

    /** The ballot with this voter key in the envelope, with its choices. */
    public Optional<StoredBallot> ballot(long envelopeId, byte[] voterKey) {
        return jdbc.sql("""
                select b.id, b.receipt, array_remove(array_agg(c.project_id), null)
                from budget_ballot b left join budget_ballot_choice c on c.ballot_id = b.id
                where b.envelope_id = ? and b.voter_key = ? group by b.id""")
                .params(envelopeId, voterKey)
                .query((rs, n) -> new StoredBallot(rs.getObject(1, UUID.class), ids(rs.getArray(3)), rs.getString(2)))
                .optional();
    }

    static Set<Long> ids(Array array) throws SQLException {
        Set<Long> ids = new HashSet<>();
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                ids.add(((Number) id).longValue());
            }
        }
        return ids;
    }

    /**
     * Records a cast in one go, in the caller's transaction: the person's participation (once, with the
     * day of the first cast), the ballot found or made through its voter key (the unique key
     * (envelope, voter key) makes a second cast at once wait, then change the same ballot), and its
     * choices replaced.
     */
    public void cast(long envelopeId, long accountId, byte[] voterKey, Set<Long> choices, String receipt, String channel, LocalDate today) {
        jdbc.sql("""
                insert into budget_participation (envelope_id, account_id, channel, first_cast_on) values (?, ?, ?, ?)
                on conflict (envelope_id, account_id) do nothing""")
                .params(envelopeId, accountId, channel, Date.valueOf(today)).update();
        UUID ballot = jdbc.sql("""
                insert into budget_ballot (envelope_id, voter_key, channel, receipt) values (?, ?, ?, ?)
                on conflict (envelope_id, voter_key) do update set receipt = excluded.receipt, channel = excluded.channel
                returning id""")
                .params(envelopeId, voterKey, channel, receipt).query(UUID.class).single();
        jdbc.sql("delete from budget_ballot_choice where ballot_id = ?").param(ballot).update();
        if (!choices.isEmpty()) {
            jdbc.sql("insert into budget_ballot_choice (ballot_id, project_id) select ?, unnest(cast(? as bigint[]))")
                    .params(ballot, SqlArrays.of(choices)).update();
        }
    }
}
