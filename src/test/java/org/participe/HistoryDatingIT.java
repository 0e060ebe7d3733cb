package org.participe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.AccountHistory;
import org.participe.comments.CommentHistory;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaHistory;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.TimelineEntry;
import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationHistory;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.reporting.ReportingRollups;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Contributions recorded later than they happened (an import, paper typed in at the counter, the
 * demo town's past) are dated through their owners' history services: each module dates its own
 * rows, keeps its timeline, threshold and moderation queue in step, and only administrators may.
 */
@SpringBootTest
class HistoryDatingIT {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired IdeaHistory ideaHistory;
    @Autowired CommentHistory commentHistory;
    @Autowired AccountHistory accountHistory;
    @Autowired ModerationHistory moderationHistory;
    @Autowired ReportingRollups rollups;
    @Autowired ModerationService moderation;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    ParticipeUser admin;
    ParticipeUser author;
    ParticipeUser official;
    long category;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("history-admin", Roles.ADMIN);
        author = data.confirmedAccount("history-author", Roles.RESIDENT);
        official = data.confirmedAccount("history-official", Roles.OFFICIAL, Roles.RESIDENT);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    private long propose(String title) {
        return as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void anIdeaItsAnswerAndItsCommentAreDatedWithTheirTimelineAndModerationQueue() {
        long id = propose("Une idée déposée sur papier au guichet");
        long answered = as(official, () -> {
            ideas.answer(id, IdeaStatus.UNDER_REVIEW, "Les services étudient cette proposition reçue au guichet.",
                    ideas.detail(id).orElseThrow().version());
            return id;
        });
        long comment = as(author, () -> comments.post(ContentKey.idea(id), null, "Un commentaire écrit sur papier."));
        ParticipeUser flagger = data.confirmedAccount("history-flagger", Roles.RESIDENT);
        as(flagger, () -> moderation.flag(ContentKey.comment(comment), ModerationReason.SPAM, null)); // now in the moderation queue
        Instant written = daysAgo(60);
        Instant published = daysAgo(58);
        Instant answer = daysAgo(20);
        Instant commented = daysAgo(50);
        Instant due = daysAgo(10);

        as(admin, () -> {
            ideaHistory.datePublications(List.of(new IdeaHistory.DatedIdea(id, written, published)));
            ideaHistory.dateAnswers(Map.of(answered, answer));
            moderationHistory.dateFollowUps(List.of(new ModerationHistory.FollowUpDates(ContentKey.idea(id), null, due, null)));
            commentHistory.dateComments(List.of(new CommentHistory.DatedComment(comment, commented)));
        });

        var detail = anonymously(() -> ideas.detail(id)).orElseThrow();
        assertThat(detail.createdAt()).isEqualTo(written);
        assertThat(detail.publishedAt()).isEqualTo(published);
        List<TimelineEntry> timeline = anonymously(() -> ideas.timeline(id));
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly("PUBLISHED", "OFFICIAL_ANSWER");
        assertThat(timeline).extracting(TimelineEntry::occurredAt).containsExactly(published, answer);
        assertThat(instant("select last_answered_at from idea where id = ?", id)).isEqualTo(answer);
        assertThat(instant("select content_created_at from moderation_item where content_type = 'IDEA' and content_id = ?", id)).isEqualTo(written);
        assertThat(instant("select published_at from moderation_item where content_type = 'IDEA' and content_id = ?", id)).isEqualTo(published);
        assertThat(instant("select due_at from moderation_item where content_type = 'IDEA' and content_id = ?", id)).isEqualTo(due);
        assertThat(instant("select answered_at from moderation_item where content_type = 'IDEA' and content_id = ?", id))
                .as("a date left null keeps the recorded one").isAfter(daysAgo(1));
        assertThat(instant("select created_at from comment where id = ?", comment)).isEqualTo(commented);
        assertThat(instant("select content_created_at from moderation_item where content_type = 'COMMENT' and content_id = ?", comment))
                .isEqualTo(commented);
    }

    @Test
    void datedSupportsMoveTheThresholdToTheSupportThatReachedIt() {
        int threshold = anonymously(() -> town.profile().thresholdSupports());
        long id = propose("Une idée soutenue sur papier pendant des semaines");
        List<ParticipeUser> fans = data.confirmedAccounts("history-fan", threshold + 1, Roles.RESIDENT);
        fans.forEach(fan -> as(fan, () -> ideas.support(id)));
        assertThat(anonymously(() -> ideas.detail(id)).orElseThrow().thresholdReachedAt()).isAfter(daysAgo(1));

        List<IdeaHistory.DatedSupport> supports = new ArrayList<>();
        for (int i = 0; i < fans.size(); i++) {
            supports.add(new IdeaHistory.DatedSupport(id, fans.get(i).accountId(), daysAgo(40).plus(Duration.ofMinutes(i))));
        }
        as(admin, () -> ideaHistory.dateSupports(supports));

        Instant reached = supports.get(threshold - 1).givenAt();
        assertThat(anonymously(() -> ideas.detail(id)).orElseThrow().thresholdReachedAt()).isEqualTo(reached);
        assertThat(anonymously(() -> ideas.timeline(id))).filteredOn(entry -> entry.kind().equals("THRESHOLD_REACHED"))
                .extracting(TimelineEntry::occurredAt).containsExactly(reached);
        assertThat(instant("select created_at from support where idea_id = ? and account_id = ?", id, fans.getFirst().accountId()))
                .isEqualTo(supports.getFirst().givenAt());
    }

    @Test
    void accountsAreDatedWhenTheySignedUpAndConfirmed() {
        Instant signedUp = daysAgo(200);
        Instant confirmed = signedUp.plus(Duration.ofMinutes(12));
        as(admin, () -> accountHistory.dateSignUps(List.of(new AccountHistory.DatedAccount(author.accountId(), signedUp, confirmed))));
        assertThat(instant("select created_at from account where id = ?", author.accountId())).isEqualTo(signedUp);
        assertThat(instant("select terms_accepted_at from account where id = ?", author.accountId())).isEqualTo(signedUp);
        assertThat(instant("select email_confirmed_at from account where id = ?", author.accountId())).isEqualTo(confirmed);
    }

    @Test
    void onlyAdministratorsDateHistory() {
        long id = propose("Une idée que personne d’autre ne date");
        var dated = List.of(new IdeaHistory.DatedIdea(id, daysAgo(3), daysAgo(3)));
        assertThatThrownBy(() -> as(official, () -> ideaHistory.datePublications(dated))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(author, () -> accountHistory.dateSignUps(
                List.of(new AccountHistory.DatedAccount(author.accountId(), daysAgo(3), daysAgo(3)))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(author, () -> commentHistory.dateComments(List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(official, () -> moderationHistory.dateFollowUps(List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymously(() -> rollups.recount())).isInstanceOf(AccessDeniedException.class);
        assertThat(anonymously(() -> ideas.detail(id)).orElseThrow().publishedAt()).isAfter(daysAgo(1));
    }

    private Instant instant(String sql, Object... args) {
        return jdbc.queryForObject(sql, Timestamp.class, args).toInstant();
    }
}
