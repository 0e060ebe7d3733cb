package org.participe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.follows.FollowService;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.participe.test.TestInfrastructure;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SMTP server is down while a project's update goes to its 100 followers: every notification is
 * kept (an SMTP failure no longer undoes them), no mail leaves, and once the server is back each
 * follower gets the mail exactly once.
 */
@SpringBootTest
class NotificationOutageIT {

    private static final int FOLLOWERS = 100;

    @Autowired InitiativeService initiatives;
    @Autowired FollowService follows;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired NamedParameterJdbcTemplate jdbc;

    @Test
    void aFanOutDuringAnSmtpOutageKeepsEveryNotificationAndMailsEachFollowerOnceTheServerIsBack() throws Exception {
        data.ensureTown();
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        ParticipeUser staff = data.confirmedAccount("outage-staff", Roles.STAFF);
        long initiative = as(staff, () -> initiatives.create(new InitiativeDraft("La médiathèque pendant la panne", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.IN_PROGRESS, 10, "", List.of(), null)));
        as(staff, () -> initiatives.publish(initiative));
        List<ParticipeUser> followers = data.confirmedAccounts("outage-follower", FOLLOWERS, Roles.RESIDENT);
        followers.forEach(follower -> as(follower, () -> follows.follow(ContentKey.initiative(initiative))));
        List<String> emails = followers.stream().map(ParticipeUser::email).toList();
        Map<String, Object> them = Map.of("ids", followers.stream().map(ParticipeUser::accountId).toList(), "emails", emails);

        TestInfrastructure.stopMail();
        try {
            as(staff, () -> initiatives.postUpdate(initiative, "Fermeture exceptionnelle", "La médiathèque ferme lundi pour travaux."));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from notification where recipient_id in (:ids) and kind = 'INITIATIVE_UPDATE'", them, Integer.class) == FOLLOWERS);
            // Every mail was tried and is waiting for its next try, none was lost or given up.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from mail_outbox where recipient in (:emails) and status = 'PENDING' and attempts >= 1 and last_error is not null",
                    them, Integer.class) == FOLLOWERS);
            assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id in (:ids) and emailed_at is not null",
                    them, Integer.class)).as("every mail is queued with its notification").isEqualTo(FOLLOWERS);
            for (String email : emails) {
                assertThat(Mails.count(email)).isZero();
            }
        } finally {
            TestInfrastructure.startMail();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_outbox where recipient in (:emails) and status = 'SENT'", them, Integer.class) == FOLLOWERS);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient in (:emails)", them, Integer.class))
                .as("one mail per follower in the outbox").isEqualTo(FOLLOWERS);
        for (String email : emails) {
            assertThat(Mails.count(email)).as("mails received by %s", email).isEqualTo(1);
            assertThat(Mails.latest(email, "Fermeture exceptionnelle")).isNotNull();
        }
    }
}
