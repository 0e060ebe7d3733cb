package org.participe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.comments.MyComment;
import org.participe.follows.FollowService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.moderation.AuditEntry;
import org.participe.moderation.AuditFilter;
import org.participe.moderation.ModerationAudit;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The links that name a piece of content lead to its page: a hidden comment's notice to the page
 * of its idea, the author's own comment and the audit to its anchor there; unread notifications
 * are counted per followed content and read by opening its page.
 */
@SpringBootTest
class ContentLinksIT {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired FollowService follows;
    @Autowired ModerationService moderation;
    @Autowired ModerationAudit audit;
    @Autowired NotificationService notifications;
    @Autowired TownService town;
    @Autowired TestData data;
    long category;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    private long idea(ParticipeUser author, String title) {
        return as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private List<NotificationItem> notificationsOf(ParticipeUser user, int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(user, () -> notifications.page(0, 50)).size() >= atLeast);
        return as(user, () -> notifications.page(0, 50));
    }

    /** Every page of the audit's hidings of comments: other test classes add entries too. */
    private List<AuditEntry> auditOf(ParticipeUser official, ContentKey content) {
        List<AuditEntry> found = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            int from = offset;
            List<AuditEntry> page = as(official, () -> audit.entries(new AuditFilter("HIDE", content.kind(), null, null, null), from, 500));
            page.stream().filter(entry -> content.equals(entry.content())).forEach(found::add);
            if (page.size() < 500) {
                return found;
            }
        }
    }

    @Test
    void aHiddenCommentIsAnnouncedWithTheLinkOfItsIdeaAndFoundAtItsAnchor() {
        ParticipeUser author = data.confirmedAccount("links-author", Roles.RESIDENT);
        ParticipeUser commenter = data.confirmedAccount("links-commenter", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("links-official", Roles.OFFICIAL);
        long ideaId = idea(author, "Une idée dont un commentaire est masqué");
        long commentId = as(commenter, () -> comments.post(ContentKey.idea(ideaId), null, "Un commentaire hors sujet à masquer."));

        assertThat(as(commenter, () -> comments.myComments(0, 10))).extracting(MyComment::path)
                .contains("ideas/" + ideaId + "#comment-" + commentId);

        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.comment(commentId))), ModerationReason.OFF_TOPIC, null));

        NotificationItem notice = notificationsOf(commenter, 1).getFirst();
        assertThat(notice.kind()).isEqualTo(NotificationKind.MODERATION);
        assertThat(notice.path()).isEqualTo("ideas/" + ideaId);
        assertThat(auditOf(official, ContentKey.comment(commentId))).extracting(AuditEntry::contentPath)
                .containsExactly("ideas/" + ideaId + "#comment-" + commentId);
    }

    @Test
    void unreadNewsIsCountedPerFollowedContentAndReadByOpeningItsPage() {
        ParticipeUser author = data.confirmedAccount("links-idea-author", Roles.RESIDENT);
        ParticipeUser follower = data.confirmedAccount("links-follower", Roles.RESIDENT);
        ParticipeUser talker = data.confirmedAccount("links-talker", Roles.RESIDENT);
        long followed = idea(author, "Une idée suivie dont on compte les nouvelles");
        as(follower, () -> follows.follow(ContentKey.idea(followed)));
        as(talker, () -> comments.post(ContentKey.idea(followed), null, "Premier avis sur l'idée suivie."));
        as(talker, () -> comments.post(ContentKey.idea(followed), null, "Second avis sur l'idée suivie."));

        assertThat(notificationsOf(follower, 2)).extracting(NotificationItem::path).containsOnly("ideas/" + followed);
        assertThat(as(follower, () -> notifications.unreadByTarget())).containsEntry(ContentKey.idea(followed), 2L);

        as(follower, () -> notifications.pageVisited("ideas/" + followed + "/edit"));
        assertThat(as(follower, () -> notifications.unreadByTarget())).containsEntry(ContentKey.idea(followed), 2L);
        as(follower, () -> notifications.pageVisited("ideas/" + followed));
        assertThat(as(follower, () -> notifications.unreadByTarget())).doesNotContainKey(ContentKey.idea(followed));
        assertThat(as(follower, () -> notifications.unreadCount())).isZero();
    }
}
