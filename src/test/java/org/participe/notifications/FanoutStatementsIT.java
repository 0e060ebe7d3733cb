package org.participe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.participe.follows.FollowService;
import org.participe.base.content.ContentKey;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.notifications.internal.NotificationStore;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.StatementCounter;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Telling a content's followers costs the same few statements for 3 followers as for 80 (no query per follower). */
@SpringBootTest
class FanoutStatementsIT {

    @Autowired NotificationStore store;
    @Autowired IdeaService ideas;
    @Autowired FollowService follows;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    private static final NotificationStore.Texts TEXTS = new NotificationStore.Texts() {
        public String subject(Locale locale) {
            return "Un sujet";
        }

        public String detail(Locale locale) {
            return "Un détail";
        }
    };

    /** An idea with this many followers besides its author; returns the statements of one fan-out to them all. */
    private long fanOutStatements(String prefix, int followers) {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount(prefix + "-author", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée suivie par " + followers, "Une description assez longue pour être acceptée.",
                category, null, null)));
        data.confirmedAccounts(prefix, followers, Roles.RESIDENT).forEach(follower -> as(follower, () -> follows.follow(ContentKey.idea(idea))));
        String key = "fanout-statements:" + idea;
        // Comments are digested daily by default: no e-mail is queued, only notifications are written.
        long statements = transactions.execute(status -> StatementCounter.count(() -> store.notify(store.followers(ContentKey.idea(idea), List.of()),
                NotificationKind.COMMENT, key, "IDEA", idea, TEXTS)));
        assertThat(jdbc.queryForObject("select count(*) from notification where event_key = ?", Integer.class, key)).isEqualTo(followers + 1);
        jdbc.update("update notification set read_at = now() where event_key = ?", key);
        return statements;
    }

    @Test
    void aFanOutCostsAConstantNumberOfStatements() {
        long few = fanOutStatements("fanout-few", 2);
        long many = fanOutStatements("fanout-many", 79);
        assertThat(many).as("80 followers cost as many statements as 3").isEqualTo(few);
        assertThat(few).isLessThanOrEqualTo(6);
    }
}
