package org.participe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.participe.comments.CommentEvents;
import org.participe.follows.FollowService;
import org.participe.base.content.ContentKey;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaEvents;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Followers are told from what the events carry (the idea's title and visibility, the comment
 * author's name), not from the tables of the module that published them; and a fan-out to many
 * followers reaches each of them once.
 */
@SpringBootTest
class EventPayloadNotificationsIT {

    @Autowired IdeaService ideas;
    @Autowired FollowService follows;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    private long idea(ParticipeUser author, String title) {
        data.ensureTown();
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        return as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private void awaitDeliveries() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class) == 0);
    }

    private List<String> details(ParticipeUser user) {
        return jdbc.queryForList("select detail from notification where recipient_id = ? order by id", String.class, user.accountId());
    }

    private List<String> subjects(ParticipeUser user) {
        return jdbc.queryForList("select subject from notification where recipient_id = ? order by id", String.class, user.accountId());
    }

    @Test
    void aStatusChangeIsToldWithTheTitleItCarriesAndNotAtAllWhenItSaysTheIdeaIsHidden() {
        ParticipeUser author = data.confirmedAccount("payload-author", Roles.RESIDENT);
        long idea = idea(author, "Le titre enregistré de l’idée");

        transactions.executeWithoutResult(status -> events.publishEvent(
                new IdeaEvents.IdeaStatusChanged(idea, IdeaStatus.PUBLISHED, IdeaStatus.REJECTED, "Le titre porté par l’événement", true)));
        awaitDeliveries();
        assertThat(details(author)).as("a hidden idea's title must not leak").isEmpty();

        transactions.executeWithoutResult(status -> events.publishEvent(
                new IdeaEvents.IdeaStatusChanged(idea, IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW, "Le titre porté par l’événement", false)));
        awaitDeliveries();
        assertThat(details(author)).containsExactly("Le titre porté par l’événement");
        jdbc.update("update notification set read_at = now() where recipient_id = ?", author.accountId());
    }

    @Test
    void aCommentIsToldWithTheAuthorsNameAndTitleItCarriesToEveryFollowerOnce() {
        ParticipeUser author = data.confirmedAccount("payload-idea", Roles.RESIDENT);
        long idea = idea(author, "Une idée très suivie");
        List<ParticipeUser> followers = data.confirmedAccounts("payload-fan", 120, Roles.RESIDENT);
        followers.forEach(follower -> as(follower, () -> follows.follow(ContentKey.idea(idea))));
        ParticipeUser commenter = followers.getFirst();

        transactions.executeWithoutResult(status -> events.publishEvent(new CommentEvents.CommentPosted(ContentKey.idea(idea), Long.MAX_VALUE - idea,
                commenter.accountId(), "Nom dans l’événement", "Titre dans l’événement", null)));
        awaitDeliveries();

        assertThat(subjects(commenter)).as("not its own author").isEmpty();
        assertThat(subjects(author)).singleElement().asString().contains("Nom dans l’événement");
        assertThat(details(author)).containsExactly("Titre dans l’événement");
        assertThat(jdbc.queryForObject("select count(*) from notification where event_key = ?", Integer.class, "comment:" + (Long.MAX_VALUE - idea)))
                .as("the author and every follower but the commenter, once").isEqualTo(120);
        // Read, so that no other test's daily digest has 120 more e-mails to send.
        jdbc.update("update notification set read_at = now() where event_key = ?", "comment:" + (Long.MAX_VALUE - idea));
    }
}
