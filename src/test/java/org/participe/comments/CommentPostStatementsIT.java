package org.participe.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Posting a comment costs as many statements in the request as before issue 16 (the town-set
 * benchmark found posts slower when the events started carrying the title and the author's name):
 * the title comes with the check that the idea takes comments, the name with the insert.
 */
@SpringBootTest
@RecordApplicationEvents
class CommentPostStatementsIT {

    /**
     * As at 122b930, before issue 16: the idea's check (its title with it), the rate limit's lock,
     * count and hit, the author's writing language, the insert (the author's name with it), the
     * idea's comment count, and the event publication for the followers' fan-out.
     */
    static final long COMMENT_STATEMENTS = 8;

    @Autowired CommentService comments;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    ParticipeUser author;
    ParticipeUser neighbour;
    long idea;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        author = data.confirmedAccount("post-statements-author", Roles.RESIDENT);
        neighbour = data.confirmedAccount("post-statements-neighbour", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée dont on compte les écritures", "Une description assez longue pour être acceptée.",
                category, null, null)));
    }

    @Test
    void aCommentCostsNoStatementMoreThanBeforeItsEventsCarriedTheTitleAndTheName() {
        var posted = as(neighbour, () -> StatementCounter.count(() -> comments.post(ContentKey.idea(idea), null, "Un premier commentaire")));
        assertThat(posted.statements()).as("statements of a comment post").isEqualTo(COMMENT_STATEMENTS);

        String name = jdbc.queryForObject("select display_name from account where id = ?", String.class, neighbour.accountId());
        assertThat(events.stream(CommentEvents.CommentPosted.class).filter(event -> event.commentId() == posted.result()))
                .singleElement().satisfies(event -> {
                    assertThat(event.targetTitle()).isEqualTo("Une idée dont on compte les écritures");
                    assertThat(event.authorName()).isEqualTo(name);
                });
    }

    @Test
    void aReplyCostsTheReadOfTheCommentItAnswersAndItsOwnPublicationMore() {
        long comment = as(author, () -> comments.post(ContentKey.idea(idea), null, "Un premier commentaire"));
        var replied = as(neighbour, () -> StatementCounter.count(() -> comments.post(ContentKey.idea(idea), comment, "Une réponse")));
        assertThat(replied.statements()).as("statements of a reply").isEqualTo(COMMENT_STATEMENTS + 2);

        String name = jdbc.queryForObject("select display_name from account where id = ?", String.class, neighbour.accountId());
        assertThat(events.stream(CommentEvents.ReplyPosted.class).filter(event -> event.commentId() == replied.result()))
                .singleElement().satisfies(event -> {
                    assertThat(event.targetTitle()).isEqualTo("Une idée dont on compte les écritures");
                    assertThat(event.authorName()).isEqualTo(name);
                    assertThat(event.parentAuthorId()).isEqualTo(author.accountId());
                });
    }
}
