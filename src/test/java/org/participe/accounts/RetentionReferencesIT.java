package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.internal.Retention;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention clean-up removes an old unconfirmed account only when no feature's data still
 * names it: each feature answers for its own tables (ideas, comments, initiatives, moderation).
 */
@SpringBootTest
class RetentionReferencesIT {

    @Autowired Retention retention;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired InitiativeService initiatives;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    long category;

    @BeforeEach
    void town() {
        data.ensureTown();
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    /** Makes the account look created {@code 40} days ago and never confirmed. */
    private void unconfirmedLongAgo(ParticipeUser person) {
        jdbc.update("update account set created_at = now() - interval '40 days', email_confirmed_at = null where id = ?", person.accountId());
    }

    private boolean exists(ParticipeUser person) {
        return jdbc.queryForObject("select count(*) from account where id = ?", Long.class, person.accountId()) == 1;
    }

    @Test
    void anUnconfirmedAccountStaysWhileAFeatureStillNamesItAndGoesOtherwise() {
        ParticipeUser ideaAuthor = data.confirmedAccount("kept-idea", Roles.RESIDENT);
        ParticipeUser commenter = data.confirmedAccount("kept-comment", Roles.RESIDENT);
        ParticipeUser staff = data.confirmedAccount("kept-initiative", Roles.STAFF);
        ParticipeUser audited = data.confirmedAccount("kept-audit", Roles.RESIDENT);
        ParticipeUser nobody = data.confirmedAccount("gone", Roles.RESIDENT);

        long idea = as(ideaAuthor, () -> ideas.propose(new IdeaDraft("Des bancs à l’ombre près du marché",
                "Une description assez longue pour être acceptée.", category, null, null)));
        as(commenter, () -> comments.post(ContentKey.idea(idea), null, "Oui, et des fontaines aussi."));
        as(staff, () -> initiatives.create(new InitiativeDraft("Un projet que personne ne lit", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.PLANNED, 0, "", List.of(), null)));
        jdbc.update("insert into moderation_audit (action, target_account_id, note) values ('BLOCK', ?, 'test')", audited.accountId());
        for (ParticipeUser person : List.of(ideaAuthor, commenter, staff, audited, nobody)) {
            unconfirmedLongAgo(person);
        }

        Retention.Outcome outcome = retention.run();

        assertThat(outcome.ran()).isTrue();
        assertThat(exists(ideaAuthor)).as("an idea's author").isTrue();
        assertThat(exists(commenter)).as("a comment's author").isTrue();
        assertThat(exists(staff)).as("an initiative's author").isTrue();
        assertThat(exists(audited)).as("named in the moderation audit").isTrue();
        assertThat(exists(nobody)).as("named by nothing").isFalse();
    }
}
