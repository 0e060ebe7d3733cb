package org.participe.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.validation.InvalidInputException;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.FlagRules;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flag brigading: fresh accounts' flags hide nothing by themselves, flags alone never hide a
 * well-supported idea, and officials hear of bursts of flags, once per burst.
 */
@SpringBootTest
class FlagRulesIT {

    @Autowired ModerationService moderation;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    ParticipeUser admin;
    ParticipeUser author;
    long category;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("fr-admin", Roles.ADMIN);
        author = data.confirmedAccount("fr-author", Roles.RESIDENT);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
        assertThat(anonymously(() -> town.profile()).flagsToHide()).isEqualTo(3);
    }

    @AfterEach
    void trustEveryAccountAgain() {
        as(admin, () -> town.updateFlagRules(0, 0, FlagRules.DEFAULTS.protectedSupports()));
    }

    private long idea(String title) {
        return as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private ParticipeUser fresh(String name) {
        return data.confirmedAccount(name, Roles.RESIDENT);
    }

    private ParticipeUser daysOld(String name, int days) {
        ParticipeUser user = fresh(name);
        jdbc.update("update account set created_at = now() - make_interval(days => ?) where id = ?", days, user.accountId());
        return user;
    }

    private boolean hidden(long ideaId) {
        return jdbc.queryForObject("select hidden from moderation_item where content_type = 'IDEA' and content_id = ?", Boolean.class, ideaId);
    }

    private boolean flag(ParticipeUser who, long ideaId) {
        return as(who, () -> moderation.flag(ContentKey.idea(ideaId), ModerationReason.SPAM, null));
    }

    @Test
    void threeFreshAccountsHideNothingButAccountsOldEnoughOrThatTookPartDo() {
        as(admin, () -> town.updateFlagRules(7, 1, 50));
        long target = idea("Une idée visée par des comptes neufs");
        ParticipeUser contributor = fresh("fr-contributor");
        long elsewhere = idea("Une autre idée où l'on discute");
        as(contributor, () -> comments.post(ContentKey.idea(elsewhere), null, "Je participe depuis peu, mais je participe"));

        assertThat(flag(fresh("fr-brigade1"), target)).isFalse();
        assertThat(flag(fresh("fr-brigade2"), target)).isFalse();
        assertThat(flag(fresh("fr-brigade3"), target)).as("three fresh accounts").isFalse();
        assertThat(hidden(target)).isFalse();
        assertThat(jdbc.queryForObject("select open_flag_count from moderation_item where content_type = 'IDEA' and content_id = ?", Integer.class, target))
                .as("their flags still reach the officials' queue").isEqualTo(3);

        assertThat(flag(daysOld("fr-old", 8), target)).as("one account old enough").isFalse();
        assertThat(flag(contributor, target)).as("one that took part").isFalse();
        assertThat(flag(daysOld("fr-old2", 30), target)).as("the third trusted flag hides it").isTrue();
        assertThat(hidden(target)).isTrue();
    }

    @Test
    void flagsAloneNeverHideAnIdeaWithManySupports() {
        as(admin, () -> town.updateFlagRules(0, 0, 2));
        long popular = idea("Une idée soutenue par le quartier");
        as(fresh("fr-fan1"), () -> ideas.support(popular));
        as(fresh("fr-fan2"), () -> ideas.support(popular));
        long quiet = idea("Une idée encore peu soutenue");
        as(fresh("fr-fan3"), () -> ideas.support(quiet));

        for (int i = 0; i < 3; i++) {
            ParticipeUser flagger = fresh("fr-flagger" + i);
            assertThat(flag(flagger, popular)).isFalse();
            flag(flagger, quiet);
        }

        assertThat(hidden(popular)).as("waits for an official's decision").isFalse();
        assertThat(as(data.confirmedAccount("fr-official", Roles.OFFICIAL), () -> moderation.inbox(InboxTab.FLAGGED, ContentKind.IDEA, 0, 10_000)))
                .extracting(InboxItem::ref).contains(ContentKey.idea(popular));
        assertThat(hidden(quiet)).as("below the town's level, three flags still hide").isTrue();
    }

    @Test
    void aBurstOfFlagsAlertsOfficialsOncePerBurst() {
        as(admin, () -> town.updateFlagRules(365, 0, 50)); // nobody trusted: the flags pile up, nothing is hidden
        ParticipeUser official = data.confirmedAccount("fr-burst-official", Roles.OFFICIAL);
        long target = idea("Une idée prise pour cible");
        long other = idea("Une idée voisine");
        for (int i = 0; i < 8; i++) {
            flag(fresh("fr-burst" + i), target);
            flag(fresh("fr-burst-other" + i), other);
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alerts(official, "flag-burst:IDEA:" + target + ":%") >= 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alerts(official, "flag-burst:all:%") + alerts(official, "flag-burst:IDEA:%") >= 2);
        assertThat(alerts(official, "flag-burst:IDEA:" + target + ":%")).as("one alert for the burst on this idea, not one per flag").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flag_burst_alert where content_type = 'IDEA' and content_id = ?", Integer.class, target))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flag_burst_alert where content_type is null and alerted_at > now() - interval '30 minutes'",
                Integer.class)).as("sixteen flags in minutes: one alert across content in the window").isEqualTo(1);
        assertThat(jdbc.queryForObject("select kind from notification where recipient_id = ? and event_key like 'flag-burst:%' limit 1",
                String.class, official.accountId())).isEqualTo("MODERATION");
    }

    private int alerts(ParticipeUser official, String keyPattern) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and event_key like ?", Integer.class,
                official.accountId(), keyPattern);
    }

    @Test
    void theRulesAreCheckedAndRefusedOutsideTheirRange() {
        Assertions.assertThatThrownBy(() -> as(admin, () -> town.updateFlagRules(-1, 0, 50)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors()).containsKey("flagMinAccountDays"));
        Assertions.assertThatThrownBy(() -> as(admin, () -> town.updateFlagRules(7, null, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors()).containsKeys("flagMinContributions", "flagProtectedSupports"));
        Assertions.assertThatThrownBy(() -> jdbc.update("update town_settings set flag_min_account_days = -3"))
                .as("the database refuses it too").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(as(admin, () -> town.updateFlagRules(14, 3, 100))).isEqualTo(new FlagRules(14, 3, 100));
        assertThat(anonymously(() -> town.flagRules())).isEqualTo(new FlagRules(14, 3, 100));
    }
}
