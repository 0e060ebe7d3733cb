package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.StatementCounter;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A support costs a fixed, small number of statements in its request (the town-set benchmark
 * measures supports per second): the idea's state, the support row, the count, the follow (its
 * setting read inside the insert), and nothing else below the threshold; a withdrawal three.
 */
@SpringBootTest
class SupportStatementsIT {

    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSupportCostsFourStatementsAndAWithdrawalThree() {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("support-statements-author", Roles.RESIDENT);
        ParticipeUser supporter = data.confirmedAccount("support-statements-supporter", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée dont on compte les soutiens", "Une description assez longue pour être acceptée.",
                category, null, null)));

        var supported = as(supporter, () -> StatementCounter.count(() -> ideas.support(idea)));
        assertThat(supported.result()).isEqualTo(1);
        assertThat(supported.statements()).as("statements of a support below the threshold").isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from follow where account_id = ? and target_type = 'IDEA' and target_id = ?",
                Integer.class, supporter.accountId(), idea)).as("supporting follows the idea").isEqualTo(1);

        var again = as(supporter, () -> StatementCounter.count(() -> ideas.support(idea)));
        assertThat(again.result()).isEqualTo(1);
        assertThat(again.statements()).as("statements of a support given twice").isEqualTo(3);

        var withdrawn = as(supporter, () -> StatementCounter.count(() -> ideas.withdrawSupport(idea)));
        assertThat(withdrawn.result()).isZero();
        assertThat(withdrawn.statements()).as("statements of a withdrawal").isEqualTo(3);
    }
}
