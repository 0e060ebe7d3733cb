package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.Application;
import org.participe.accounts.AccountService;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.follows.FollowService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.participe.town.Category;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one PostgreSQL, as behind a load balancer: instance A is the
 * test's own context, instance B a second one started here on another port (same database, same
 * test settings: Flyway finds the schema up to date, the demo is off, scheduled jobs guard
 * themselves). A page open on B hears of what happens on A: a support and a comment show live,
 * a password reset sends the person's page to the login page, a renamed category shows at once.
 */
class TwoInstancesJourneyIT extends BrowserTest {

    private static final LocatorAssertions.IsVisibleOptions SHOWN = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasTextOptions SHOWS = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    /** A live update is pushed at once: ten seconds is room for a busy machine, not for a 30-second cache. */
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(10_000);
    private static final LocatorAssertions.ContainsTextOptions LIVE_CONTAINS = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);
    private static final PageAssertions.HasURLOptions AT = new PageAssertions.HasURLOptions().setTimeout(30_000);
    private static final String SESSION_ENDED = "Vos droits ou votre mot de passe ont changé : reconnectez-vous.";

    private static ConfigurableApplicationContext instanceB;

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired AccountService accounts;
    @Autowired FollowService follows;
    @Autowired CommentService comments;

    @BeforeAll
    static void startInstanceB() {
        instanceB = new SpringApplicationBuilder(Application.class).run("--server.port=0");
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    private static String onB(String path) {
        return "http://localhost:" + instanceB.getEnvironment().getProperty("local.server.port") + "/" + path;
    }

    @Test
    void aSupportAndACommentGivenOnAShowLiveOnAPageOpenOnB() {
        ParticipeUser author = data.confirmedAccount("two-author", Roles.RESIDENT);
        ParticipeUser supporter = data.confirmedAccount("two-supporter", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Un abri vélo couvert devant la médiathèque",
                "Les vélos restent sous la pluie devant la médiathèque toute la journée.", category, null, null)));

        try (BrowserContext onInstanceB = browser.context(1280, 900); BrowserContext onInstanceA = browser.context(1280, 900)) {
            Page reader = onInstanceB.newPage();
            reader.navigate(onB("ideas/" + idea));
            assertThat(reader.locator(".idea-support-count")).hasText("Aucun soutien", SHOWS);

            Page giver = onInstanceA.newPage();
            Browser.logIn(giver, url("login"), supporter.email(), TestData.PASSWORD);
            giver.navigate(url("ideas/" + idea));
            giver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Soutenir")).click();
            assertThat(giver.locator(".idea-support-count")).hasText("1 soutien", SHOWS);

            assertThat(reader.locator(".idea-support-count")).hasText("1 soutien", LIVE);

            giver.getByLabel("Votre commentaire").fill("Oui, et quelques arceaux de plus pour les vélos cargos.");
            giver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier").setExact(true)).click();
            assertThat(reader.locator(".comments")).containsText("arceaux de plus pour les vélos cargos", LIVE_CONTAINS);
        }
    }

    @Test
    void aNotificationMadeOnARingsTheBellOfThePersonsPageOnB() {
        ParticipeUser author = data.confirmedAccount("two-bell-author", Roles.RESIDENT);
        ParticipeUser follower = data.confirmedAccount("two-bell-follower", Roles.RESIDENT);
        ParticipeUser commenter = data.confirmedAccount("two-bell-commenter", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une fontaine à eau sur la place du marché",
                "Les jours de marché, une fontaine à eau potable rendrait service à tout le monde.", category, null, null)));
        as(follower, () -> follows.follow(ContentKey.idea(idea)));

        try (BrowserContext onInstanceB = browser.context(1280, 900)) {
            Page home = onInstanceB.newPage();
            Browser.logIn(home, onB("login"), follower.email(), TestData.PASSWORD);
            assertThat(home).not().hasURL(Pattern.compile(".*/login.*"), AT);
            home.navigate(onB(""));
            assertThat(home.locator("a.bell")).isVisible(SHOWN);
            assertThat(home.locator(".bell-count")).isHidden();

            as(commenter, () -> comments.post(ContentKey.idea(idea), null, "Bonne idée, près de l’arrêt de bus ce serait parfait."));

            assertThat(home.locator(".bell-count")).hasText("1", LIVE);
        }
    }

    @Test
    void aPasswordResetOnAEndsThePersonsSessionOnB() {
        ParticipeUser person = data.confirmedAccount("two-reset", Roles.RESIDENT);
        try (BrowserContext onInstanceB = browser.context(1280, 900); BrowserContext onInstanceA = browser.context(1280, 900)) {
            Page signedIn = onInstanceB.newPage();
            Browser.logIn(signedIn, onB("login"), person.email(), TestData.PASSWORD);
            assertThat(signedIn).not().hasURL(Pattern.compile(".*/login.*"), AT);
            signedIn.navigate(onB("ideas"));
            assertThat(signedIn.locator("vaadin-side-nav-item[path$='ideas']").first()).isVisible(SHOWN);
            Browser.waitForQuietPage(signedIn);

            anonymously(() -> accounts.requestPasswordReset(person.email(), "10.0.17.2"));
            String token = Mails.token(Mails.awaitLatest(person.email(), "mot de passe"));
            Page resetting = onInstanceA.newPage();
            resetting.navigate(url("reset-password?token=" + token));
            resetting.getByLabel("Nouveau mot de passe").first().fill("Un mot de passe tout neuf pour deux instances");
            resetting.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le mot de passe")).click();
            assertThat(resetting.getByText("toutes vos sessions ouvertes ont été fermées")).isVisible(SHOWN);

            // The open page's next round trip, on instance B: a click in the menu.
            signedIn.locator("vaadin-side-nav-item[path$='ideas']").first().click();
            assertThat(signedIn).hasURL(Pattern.compile(".*/login(\\?ended)?$"), AT);
            assertThat(signedIn.getByText(SESSION_ENDED)).isVisible(SHOWN);
        }
    }

    @Test
    void aCategoryRenamedOnAShowsOnBWithinASecond() {
        ParticipeUser admin = data.confirmedAccount("two-admin", Roles.ADMIN);
        ParticipeUser author = data.confirmedAccount("two-category-author", Roles.RESIDENT);
        String suffix = Long.toString(System.nanoTime(), 36);
        Category added = as(admin, () -> town.addCategory("Jardins partagés " + suffix, "Shared gardens " + suffix));
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Un jardin partagé derrière l’école",
                "La friche derrière l’école pourrait devenir un jardin partagé pour le quartier.", added.id(), null, null)));
        TownService townOnB = instanceB.getBean(TownService.class);

        try (BrowserContext onInstanceB = browser.context(1280, 900)) {
            Page reader = onInstanceB.newPage();
            reader.navigate(onB("ideas/" + idea));
            assertThat(reader.locator("h1").first()).hasText("Un jardin partagé derrière l’école", SHOWS);
            assertThat(reader.getByText("Jardins partagés " + suffix)).isVisible(SHOWN);

            String renamed = "Potagers du quartier " + suffix;
            as(admin, () -> town.changeCategory(added.id(), renamed, "Neighbourhood vegetable gardens " + suffix, true, added.version()));
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> anonymously(
                    () -> townOnB.categories().stream().anyMatch(c -> c.id() == added.id() && c.nameFr().equals(renamed))));

            reader.reload();
            assertThat(reader.getByText(renamed)).isVisible(SHOWN);
        }
    }
}
