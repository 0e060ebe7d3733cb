package org.participe.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.StatementCounter;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class CommentServiceIT {

    @Autowired CommentService comments;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    ParticipeUser author;
    ParticipeUser neighbour;
    long idea;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        author = data.confirmedAccount("commenter", Roles.RESIDENT);
        neighbour = data.confirmedAccount("replier", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée à discuter ensemble", "Une description assez longue pour être acceptée.", category, null, null)));
    }

    @Test
    void commentsAndRepliesKeepTheIdeasCountExact() {
        long comment = as(author, () -> comments.post(ContentKey.idea(idea), null, "Premier commentaire"));
        long reply = as(neighbour, () -> comments.post(ContentKey.idea(idea), comment, "Une réponse"));
        long replyToReply = as(author, () -> comments.post(ContentKey.idea(idea), reply, "Une réponse à la réponse"));
        assertThat(jdbc.queryForObject("select parent_id from comment where id = ?", Long.class, replyToReply))
                .as("replies stay one level deep").isEqualTo(comment);
        assertThat(jdbc.queryForObject("select comment_count from idea_counts where idea_id = ?", Integer.class, idea)).isEqualTo(3);

        CommentPage page = anonymously(() -> comments.page(ContentKey.idea(idea), false, 0));
        assertThat(page.threads()).hasSize(1);
        assertThat(page.threads().getFirst().replies()).extracting(CommentView::id).containsExactly(reply, replyToReply);
    }

    @Test
    void onlyTheAuthorEditsWithinFifteenMinutesOrDeletesAndRepliesStay() {
        long comment = as(author, () -> comments.post(ContentKey.idea(idea), null, "Un commentaire avec une fautte"));
        long reply = as(neighbour, () -> comments.post(ContentKey.idea(idea), comment, "Je suis d’accord"));
        assertThatThrownBy(() -> as(neighbour, () -> comments.edit(comment, "Détourné", 0))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(neighbour, () -> comments.delete(comment))).isInstanceOf(AccessDeniedException.class);

        as(author, () -> comments.edit(comment, "Un commentaire sans faute", 0));
        CommentView edited = anonymously(() -> comments.page(ContentKey.idea(idea), false, 0)).threads().getFirst().comment();
        assertThat(edited.body()).isEqualTo("Un commentaire sans faute");
        assertThat(edited.edited()).isTrue();

        jdbc.update("update comment set created_at = created_at - interval '16 minutes' where id = ?", comment);
        assertThatThrownBy(() -> as(author, () -> comments.edit(comment, "Trop tard", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, r -> assertThat(r.errors().get("body").messageKey()).isEqualTo("comment.edit.closed"));

        as(author, () -> comments.delete(comment));
        CommentThread thread = anonymously(() -> comments.page(ContentKey.idea(idea), false, 0)).threads().getFirst();
        assertThat(thread.comment().deleted()).isTrue();
        assertThat(thread.comment().body()).isNull();
        assertThat(thread.replies()).extracting(CommentView::id).containsExactly(reply);
        assertThat(jdbc.queryForObject("select comment_count from idea_counts where idea_id = ?", Integer.class, idea)).isEqualTo(1);
    }

    @Test
    void emptyOrOversizedCommentsAreRefused() {
        assertThatThrownBy(() -> as(author, () -> comments.post(ContentKey.idea(idea), null, "   "))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(author, () -> comments.post(ContentKey.idea(idea), null, "x".repeat(2001)))).isInstanceOf(InvalidInputException.class);
        as(author, () -> comments.post(ContentKey.idea(idea), null, "x".repeat(2000)));
    }

    @Test
    void aPageOfADiscussionOfFiveThousandCommentsCostsTwoStatements() {
        jdbc.update("""
                insert into comment (target_type, target_id, author_id, body, created_at)
                select 'IDEA', ?, ?, 'Commentaire numéro ' || n, now() - (n || ' seconds')::interval from generate_series(1, 5000) n""",
                idea, neighbour.accountId());
        jdbc.update("""
                insert into comment (target_type, target_id, parent_id, author_id, body, created_at)
                select 'IDEA', ?, c.id, ?, 'Réponse', c.created_at + interval '1 second' from comment c
                where c.target_id = ? and c.parent_id is null and c.id % 3 = 0""", idea, author.accountId(), idea);
        for (boolean newestFirst : new boolean[]{false, true}) {
            var counted = anonymously(() -> StatementCounter.count(() -> comments.page(ContentKey.idea(idea), newestFirst, 4000)));
            assertThat(counted.result().threads()).hasSize(CommentService.PAGE_SIZE);
            assertThat(counted.result().hasMore()).isTrue();
            assertThat(counted.statements()).as("page statements, visibility check included").isLessThanOrEqualTo(3);
        }
    }
}
