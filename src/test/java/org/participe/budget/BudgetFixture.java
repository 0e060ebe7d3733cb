package org.participe.budget;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.participe.accounts.AccountService;
import org.participe.accounts.ImportedAccount;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns, envelopes and projects written straight in SQL (the campaign and project services are
 * another part of the module), and residents with a year of birth and a neighbourhood, for the vote's
 * tests. Every name is unique, so that tests sharing the database never meet.
 */
@Component
public class BudgetFixture {

    private static final ParticipeUser SYSTEM_ADMIN = Security.user(-1, "system@test", true, Roles.ADMIN);

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final TownService town;
    private final TestData data;

    BudgetFixture(JdbcClient jdbc, AccountService accounts, TownService town, TestData data) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.town = town;
        this.data = data;
    }

    /** A published campaign whose vote is open (it opened a day ago and closes in ten days). */
    public long openCampaign(String rule, String kind, Integer maxProjects) {
        return campaign("Budget " + UUID.randomUUID().toString().substring(0, 8), rule, kind, maxProjects, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(10)));
    }

    public long openCampaign() {
        return openCampaign(CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET", null);
    }

    /** A published campaign with the given title and vote dates (the earlier phases before them). */
    public long campaign(String title, String rule, String kind, Integer maxProjects, Instant voteOpensAt, Instant voteClosesAt) {
        return jdbc.sql("""
                insert into budget_campaign (title, rules, ballot_kind, max_projects, counting_rule, minimum_age, submission_opens_at,
                    review_opens_at, vote_opens_at, vote_closes_at, published)
                values (?, 'Les règles du budget participatif de test.', ?, ?, ?, 16, ?, ?, ?, ?, true) returning id""")
                .params(title, kind, maxProjects, rule, Timestamp.from(voteOpensAt.minus(Duration.ofDays(60))),
                        Timestamp.from(voteOpensAt.minus(Duration.ofDays(30))), Timestamp.from(voteOpensAt), Timestamp.from(voteClosesAt))
                .query(Long.class).single();
    }

    /** Closes the vote a second ago. */
    public void closeVote(long campaignId) {
        jdbc.sql("update budget_campaign set vote_closes_at = now() - interval '1 second', vote_opens_at = now() - interval '2 days' where id = ?")
                .param(campaignId).update();
    }

    public long envelope(long campaignId, Long neighbourhoodId, long amountCents) {
        return jdbc.sql("insert into budget_envelope (campaign_id, neighbourhood_id, amount_cents) values (?, ?, ?) returning id")
                .params(campaignId, neighbourhoodId, amountCents).query(Long.class).single();
    }

    /** A feasible project of the envelope. */
    public long project(long campaignId, long envelopeId, String title, long costCents) {
        return project(campaignId, envelopeId, title, costCents, "FEASIBLE");
    }

    public long project(long campaignId, long envelopeId, String title, long costCents, String status) {
        return jdbc.sql("""
                insert into budget_project (campaign_id, envelope_id, title, description, estimated_cost_cents, cost_cents, status, review_answer)
                values (?, ?, ?, 'Une description du projet assez longue pour la base.', ?, ?, ?, ?) returning id""")
                .params(campaignId, envelopeId, title, costCents, costCents, status,
                        List.of("FEASIBLE", "NOT_FEASIBLE").contains(status) ? "Réponse motivée des services." : null)
                .query(Long.class).single();
    }

    /** A new neighbourhood with a unique name. */
    public long neighbourhood() {
        data.ensureTown();
        return Security.as(SYSTEM_ADMIN, () -> town.addNeighbourhood("Quartier " + UUID.randomUUID().toString().substring(0, 8)).id());
    }

    /** A confirmed resident born in {@code birthYear} (null: not declared), living in a neighbourhood (null: not declared). */
    public ParticipeUser resident(Integer birthYear, Long neighbourhoodId) {
        data.activate();
        String email = TestData.uniqueEmail("voter");
        long id = Security.as(SYSTEM_ADMIN, () -> accounts.importConfirmed(List.of(new ImportedAccount(email, "Voter", neighbourhoodId, birthYear,
                null, Set.of(Roles.RESIDENT))), TestData.PASSWORD).getFirst());
        return Security.user(id, email, true, Roles.RESIDENT);
    }

    public ParticipeUser resident() {
        return resident(1980, null);
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
