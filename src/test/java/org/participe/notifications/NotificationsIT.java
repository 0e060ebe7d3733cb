package org.participe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentEvents;
import org.participe.comments.CommentService;
import org.participe.follows.FollowService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.notifications.internal.DailyDigest;
import org.participe.notifications.internal.UnsubscribeTokens;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.MailerFaults;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/** Who is told what, once; e-mails at once, in a digest, and the unsubscribe link. */
@SpringBootTest
class NotificationsIT {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired InitiativeService initiatives;
    @Autowired FollowService follows;
    @Autowired NotificationService notifications;
    @Autowired DailyDigest digest;
    @Autowired UnsubscribeTokens tokens;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired IncompleteEventPublications incomplete;
    long category;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    private List<String> kinds(ParticipeUser user) {
        return jdbc.queryForList("select kind from notification where recipient_id = ? order by id", String.class, user.accountId());
    }

    /** Every event published so far has been handled (completed publications are deleted). */
    private void awaitDeliveries() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class) == 0);
    }

    private void awaitNotifications(ParticipeUser user, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> kinds(user).size() >= count);
    }

    @Test
    void commentsAndRepliesReachTheRightPeopleOnceEvenWhenAnEventIsDeliveredTwice() {
        ParticipeUser author = data.confirmedAccount("n-author", Roles.RESIDENT);
        ParticipeUser follower = data.confirmedAccount("n-follower", Roles.RESIDENT);
        ParticipeUser bystander = data.confirmedAccount("n-bystander", Roles.RESIDENT);
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée suivie de près", "Une description assez longue pour être acceptée.", category, null, null)));
        as(follower, () -> follows.follow(ContentKey.idea(idea)));

        long comment = as(follower, () -> comments.post(ContentKey.idea(idea), null, "Un commentaire du suiveur"));
        awaitNotifications(author, 1);
        as(author, () -> comments.post(ContentKey.idea(idea), comment, "La réponse de l’auteur"));
        awaitNotifications(follower, 1);
        awaitDeliveries();

        assertThat(kinds(author)).containsExactly("COMMENT");
        assertThat(kinds(follower)).containsExactly("REPLY");
        assertThat(kinds(bystander)).isEmpty();

        transactions.executeWithoutResult(status -> events.publishEvent(new CommentEvents.CommentPosted(ContentKey.idea(idea), comment, follower.accountId(),
                follower.displayName(), "Une idée suivie de près", null)));
        awaitDeliveries();
        assertThat(kinds(author)).as("a redelivered event adds nothing").containsExactly("COMMENT");
    }

    @Test
    void anInitiativeUpdateIsMailedAtOnceInTheFollowersLanguageWithAnUnsubscribeLink() throws Exception {
        ParticipeUser staff = data.confirmedAccount("n-staff", Roles.STAFF);
        ParticipeUser english = data.confirmedAccount("n-english", Roles.RESIDENT);
        jdbc.update("update account set locale = 'en' where id = ?", english.accountId());
        long initiative = as(staff, () -> initiatives.create(new InitiativeDraft("Le parc du kiosque rénové", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.IN_PROGRESS, 10, "", List.of(), null)));
        as(staff, () -> initiatives.publish(initiative));
        as(english, () -> follows.follow(ContentKey.initiative(initiative)));

        as(staff, () -> initiatives.postUpdate(initiative, "Les travaux commencent", "Les engins arrivent lundi matin."));

        MimeMessage mail = Mails.awaitLatest(english.email(), "News: Les travaux commencent");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).contains("/mail/unsubscribe?t=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Hello").contains("text/html").contains("text/plain");
        // The mail leaves through the outbox after the listener's commit, so the row is there by now; the wait costs nothing.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kinds(english)).containsExactly("INITIATIVE_UPDATE"));
        assertThat(jdbc.queryForObject("select emailed_at is not null from notification where recipient_id = ?", Boolean.class, english.accountId())).isTrue();
    }

    @Test
    void aDeliveryInterruptedByAFailureIsRecoveredFromTheRegistryOnce() throws Exception {
        ParticipeUser staff = data.confirmedAccount("r-staff", Roles.STAFF);
        ParticipeUser follower = data.confirmedAccount("r-follower", Roles.RESIDENT);
        long initiative = as(staff, () -> initiatives.create(new InitiativeDraft("Un projet au courrier capricieux", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.PLANNED, 0, "", List.of(), null)));
        as(staff, () -> initiatives.publish(initiative));
        as(follower, () -> follows.follow(ContentKey.initiative(initiative)));

        MailerFaults.failNext(1);
        as(staff, () -> initiatives.postUpdate(initiative, "Annonce perdue en route", "Le serveur de courrier est tombé."));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and serialized_event like '%Annonce perdue en route%'", Integer.class) == 1);
        assertThat(kinds(follower)).as("the failed delivery left nothing half-done").isEmpty();

        incomplete.resubmitIncompletePublications(publication -> true);
        awaitNotifications(follower, 1);
        assertThat(Mails.awaitLatest(follower.email(), "Annonce perdue en route")).isNotNull();
        incomplete.resubmitIncompletePublications(publication -> true);
        awaitDeliveries();
        assertThat(kinds(follower)).containsExactly("INITIATIVE_UPDATE");
    }

    @Test
    void theDailyDigestGroupsTheDayAndIsSentOnceEvenWithTwoSchedulers() throws Exception {
        ParticipeUser author = data.confirmedAccount("d-author", Roles.RESIDENT);
        ParticipeUser talker = data.confirmedAccount("d-talker", Roles.RESIDENT);
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée très discutée", "Une description assez longue pour être acceptée.", category, null, null)));
        for (int i = 0; i < 3; i++) {
            int n = i;
            as(talker, () -> comments.post(ContentKey.idea(idea), null, "Commentaire numéro " + n));
        }
        awaitNotifications(author, 3);
        int before = Mails.count(author.email());

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> digest.send());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> digest.send());
        first.get();
        second.get();
        digest.send();

        // Every account with unread daily notifications gets its digest, ours among them: a wait, not a speed test.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Mails.count(author.email()) == before + 1);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = ? and emailed_at is null", Integer.class,
                author.accountId())).as("everything digested is marked").isZero();
        assertThat(Mails.count(author.email())).as("one digest").isEqualTo(before + 1);
        assertThat(Mails.awaitLatest(author.email(), "nouveautés").getSubject()).startsWith("3 nouveautés");
    }

    @Test
    void anUnsubscribeLinkCannotBeForgedNorTurnedAgainstSomeoneElse() {
        ParticipeUser me = data.confirmedAccount("u-me", Roles.RESIDENT);
        ParticipeUser other = data.confirmedAccount("u-other", Roles.RESIDENT);
        String token = tokens.issue(me.accountId(), NotificationKind.COMMENT);
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((other.accountId() + ".COMMENT").getBytes(StandardCharsets.UTF_8));

        assertThat(anonymously(() -> notifications.unsubscribe(otherPayload + "." + parts[1]))).isFalse();
        assertThat(anonymously(() -> notifications.unsubscribe(token + "x"))).isFalse();
        assertThat(anonymously(() -> notifications.unsubscribe("garbage"))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from notification_preference where account_id in (?, ?)", Integer.class,
                me.accountId(), other.accountId())).isZero();

        assertThat(anonymously(() -> notifications.unsubscribe(token))).isTrue();
        assertThat(jdbc.queryForObject("select mode from notification_preference where account_id = ? and kind = 'COMMENT'", String.class,
                me.accountId())).isEqualTo("NEVER");
        assertThat(jdbc.queryForObject("select count(*) from notification_preference where account_id = ?", Integer.class, other.accountId())).isZero();
    }
}
