package org.participe.budget.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.participe.base.database.SqlArrays;
import org.participe.budget.CountedProject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The count's SQL and the results' reads: the claim that lets one count run once, the ballots and
 * projects of an envelope, the results stored, the projects' new statuses, the voter keys erased, and
 * the turnout by group.
 */
@Component
public class CountStore {

    /** A project the count puts to the vote: its number, title and cost in cents. */
    public record CountProject(long id, String title, long costCents) {
    }

    /** One stored result of an envelope. */
    public record StoredResult(long envelopeId, String rule, int ballots, long spentCents, String explanation) {
    }

    private final JdbcClient jdbc;

    CountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Published campaigns whose vote closed at {@code now} and that were not counted yet. */
    public List<Long> due(Instant now) {
        return jdbc.sql("select id from budget_campaign where counted_at is null and published and vote_closes_at <= ? order by vote_closes_at")
                .param(Timestamp.from(now)).query(Long.class).list();
    }

    /**
     * Marks the campaign counted, if it is due: the conditional update is what lets the count run
     * once, whatever the instances (a second claim waits for the first's row lock, then finds it
     * counted). Empty when it is not due or counted already.
     */
    public Optional<String> claim(long campaignId, Instant now) {
        return jdbc.sql("""
                update budget_campaign set counted_at = ?
                where id = ? and counted_at is null and published and vote_closes_at <= ? returning counting_rule""")
                .params(Timestamp.from(now), campaignId, Timestamp.from(now)).query(String.class).optional();
    }

    /** The projects the count of an envelope considers: those on the ballot (feasible, not hidden), by number. */
    public List<CountProject> projects(long envelopeId) {
        return jdbc.sql("select id, title, cost_cents from budget_project where envelope_id = ? and status = 'FEASIBLE' and not hidden order by id")
                .param(envelopeId).query((rs, n) -> new CountProject(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The envelope's ballots, each the set of its chosen project numbers (an empty ballot too), in no meaningful order. */
    public List<Set<Long>> ballots(long envelopeId) {
        List<Set<Long>> ballots = new ArrayList<>();
        jdbc.sql("""
                select array_remove(array_agg(c.project_id), null)
                from budget_ballot b left join budget_ballot_choice c on c.ballot_id = b.id
                where b.envelope_id = ? group by b.id""")
                .param(envelopeId).query((rs, n) -> ballots.add(BallotStore.ids(rs.getArray(1)))).list();
        return ballots;
    }

    /** Writes an envelope's result and each project's votes and rank ({@code ranks}: the winners' order, from 1). */
    public void saveResult(StoredResult result, Map<Long, Long> votes, Map<Long, Integer> ranks) {
        jdbc.sql("insert into budget_result (envelope_id, counting_rule, ballots, spent_cents, explanation) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(result.envelopeId(), result.rule(), result.ballots(), result.spentCents(), result.explanation()).update();
        if (votes.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(votes.keySet());
        jdbc.sql("""
                insert into budget_result_project (envelope_id, project_id, votes, selected, selected_rank)
                select ?, p, v, r is not null, r
                from unnest(cast(? as bigint[]), cast(? as integer[]), cast(? as integer[])) as t(p, v, r)""")
                .params(result.envelopeId(), SqlArrays.of(ids), SqlArrays.of(ids.stream().map(votes::get).toList()),
                        SqlArrays.of(ids.stream().map(ranks::get).toList()))
                .update();
        jdbc.sql("""
                update budget_project p set status = case when t.selected then 'SELECTED' else 'NOT_SELECTED' end,
                       updated_at = now(), version = p.version + 1
                from (select project_id, selected from budget_result_project where envelope_id = ?) t
                where p.id = t.project_id and p.status = 'FEASIBLE'""")
                .param(result.envelopeId()).update();
    }

    /** Erases the campaign's ballot key and every voter key of its ballots: from now on no ballot can be tied to anyone. */
    public void eraseKeys(long campaignId) {
        jdbc.sql("update budget_ballot set voter_key = null where envelope_id in (select id from budget_envelope where campaign_id = ?) and voter_key is not null")
                .param(campaignId).update();
        jdbc.sql("update budget_campaign set ballot_key = null where id = ?").param(campaignId).update();
    }

    /** The stored results of a campaign's envelopes, by envelope. */
    public Map<Long, StoredResult> results(long campaignId) {
        Map<Long, StoredResult> results = new LinkedHashMap<>();
        jdbc.sql("""
                select r.envelope_id, r.counting_rule, r.ballots, r.spent_cents, cast(r.explanation as text)
                from budget_result r join budget_envelope e on e.id = r.envelope_id where e.campaign_id = ?""")
                .param(campaignId)
                .query((rs, n) -> results.put(rs.getLong(1), new StoredResult(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5))))
                .list();
        return results;
    }

    /** The counted projects of a campaign, by envelope, by votes (more first), then rank and number. */
    public Map<Long, List<CountedProject>> countedProjects(long campaignId) {
        Map<Long, List<CountedProject>> byEnvelope = new LinkedHashMap<>();
        jdbc.sql("""
                select r.envelope_id, p.id, p.title, p.cost_cents, r.votes, r.selected, r.selected_rank
                from budget_result_project r join budget_project p on p.id = r.project_id
                join budget_envelope e on e.id = r.envelope_id
                where e.campaign_id = ? order by r.envelope_id, r.votes desc, r.selected_rank nulls last, p.id""")
                .param(campaignId)
                .query((rs, n) -> byEnvelope.computeIfAbsent(rs.getLong(1), e -> new ArrayList<>()).add(new CountedProject(rs.getLong(2),
                        rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getBoolean(6), (Integer) rs.getObject(7))))
                .list();
        return byEnvelope;
    }

    /** Whether a counted ballot of the campaign carries this receipt. */
    public boolean receiptCounted(long campaignId, String receipt) {
        return Boolean.TRUE.equals(jdbc.sql("""
                select exists (select 1 from budget_ballot b join budget_result r on r.envelope_id = b.envelope_id
                               join budget_envelope e on e.id = b.envelope_id where e.campaign_id = ? and b.receipt = ?)""")
                .params(campaignId, receipt).query(Boolean.class).single());
    }

    /** How many people voted in the campaign (in at least one envelope). */
    public int voters(long campaignId) {
        return jdbc.sql("select count(distinct p.account_id) from budget_participation p join budget_envelope e on e.id = p.envelope_id where e.campaign_id = ?")
                .param(campaignId).query(Integer.class).single();
    }

    /**
     * The campaign's voters counted by declared neighbourhood and by age band in {@code year}, in one
     * pass; keys {@code NEIGHBOURHOOD:<id>} or {@code AGE_BAND:<band>}, {@code :} alone when not declared.
     */
    public Map<String, Integer> turnout(long campaignId, int year) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select case when grouping(t.neighbourhood_id) = 0 then 'NEIGHBOURHOOD' else 'AGE_BAND' end,
                       case when grouping(t.neighbourhood_id) = 0 then cast(t.neighbourhood_id as text) else t.band end,
                       count(*)
                from (select distinct p.account_id, d.neighbourhood_id,
                             case when d.birth_year is null then null
                                  when :year - d.birth_year < 25 then '16-24' when :year - d.birth_year < 40 then '25-39'
                                  when :year - d.birth_year < 55 then '40-54' when :year - d.birth_year < 65 then '55-64'
                                  when :year - d.birth_year < 75 then '65-74' else '75+' end as band
                      from budget_participation p join budget_envelope e on e.id = p.envelope_id
                      join account_demographics d on d.id = p.account_id
                      where e.campaign_id = :campaign) t
                group by grouping sets ((t.neighbourhood_id), (t.band))
                order by 1, 2""")
                .param("year", year).param("campaign", campaignId)
                .query((rs, n) -> counts.put(rs.getString(1) + ":" + (rs.getString(2) == null ? "" : rs.getString(2)), rs.getInt(3)))
                .list();
        return counts;
    }
}
