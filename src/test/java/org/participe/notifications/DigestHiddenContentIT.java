package org.participe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.notifications.internal.DailyDigest;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The daily digest says nothing about content hidden since its notification was made. */
@SpringBootTest
class DigestHiddenContentIT {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired ModerationService moderation;
    @Autowired DailyDigest digest;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anIdeaOrCommentHiddenSinceIsLeftOutOfTheDigest() {
        data.ensureTown();
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        ParticipeUser author = data.confirmedAccount("dh-author", Roles.RESIDENT);
        ParticipeUser talker = data.confirmedAccount("dh-talker", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("dh-official", Roles.OFFICIAL);
        long hiddenIdea = as(author, () -> ideas.propose(new IdeaDraft("Une idee bientot cachee", "Une description assez longue pour être acceptée.",
                category, null, null)));
        long visibleIdea = as(author, () -> ideas.propose(new IdeaDraft("Une idee qui reste visible", "Une description assez longue pour être acceptée.",
                category, null, null)));
        long onHidden = as(talker, () -> comments.post(ContentKey.idea(hiddenIdea), null, "Un avis sur l'idée bientôt cachée"));
        long hiddenComment = as(talker, () -> comments.post(ContentKey.idea(visibleIdea), null, "Un commentaire bientôt caché"));
        long keptComment = as(talker, () -> comments.post(ContentKey.idea(visibleIdea), null, "Un commentaire qui reste"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pending(author, "comment:%").size() == 3);

        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.idea(hiddenIdea))), ModerationReason.SPAM, null));
        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.comment(hiddenComment))), ModerationReason.SPAM, null));
        digest.send();

        assertThat(pending(author, "comment:%")).as("left out, kept for a digest after a restore")
                .containsExactlyInAnyOrder("comment:" + onHidden, "comment:" + hiddenComment);
        assertThat(Mails.awaitLatest(author.email(), "nouveaut")).satisfies(mail ->
                assertThat(mail.getSubject()).as("one item: the comment still shown").startsWith("1 "));
        assertThat(jdbc.queryForObject("select emailed_at is not null from notification where recipient_id = ? and event_key = ?", Boolean.class,
                author.accountId(), "comment:" + keptComment)).isTrue();
    }

    private List<String> pending(ParticipeUser user, String keyPattern) {
        return jdbc.queryForList("select event_key from notification where recipient_id = ? and event_key like ? and emailed_at is null",
                String.class, user.accountId(), keyPattern);
    }
}
