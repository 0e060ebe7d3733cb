package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.participe.follows.FollowService;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff publish an update on an initiative a resident follows: the resident's bell counts it
 * at once on the open page, and the e-mail arrives.
 */
class NotificationJourneyIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired InitiativeService initiatives;
    @Autowired FollowService follows;
    @Autowired TownService town;

    @Test
    void anUpdateRingsTheFollowersBellLiveAndReachesTheirInbox() {
        data.ensureTown();
        ParticipeUser staff = data.confirmedAccount("staff-e2e", Roles.STAFF);
        ParticipeUser resident = data.confirmedAccount("follower-e2e", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long id = Security.as(staff, () -> initiatives.create(new InitiativeDraft("Nouvelle aire de jeux du square",
                "Une aire de jeux pour les petits et les grands", "Le square accueillera une aire de jeux accessible à tous les enfants.",
                category, Set.of(), 90_000L, InitiativeStatus.IN_PROGRESS, 20, "Service des espaces verts", List.of(), null)));
        Security.as(staff, () -> initiatives.publish(id));

        try (BrowserContext residentContext = browser.context(390, 844); BrowserContext staffContext = browser.context(1280, 900)) {
            Page home = residentContext.newPage();
            Browser.logIn(home, url("login"), resident.email(), TestData.PASSWORD);
            home.navigate(url("initiatives/" + id));
            home.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suivre")).click();
            assertThat(home.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ne plus suivre"))).isVisible();
            home.navigate(url(""));
            assertThat(home.locator(".bell-count")).isHidden();

            Page office = staffContext.newPage();
            Browser.logIn(office, url("login"), staff.email(), TestData.PASSWORD);
            office.navigate(url("initiatives/" + id));
            office.getByLabel("Titre de l’actualité").fill("Pose des jeux la semaine prochaine");
            office.getByLabel("Texte").fill("Les jeux seront installés à partir de lundi ; le square restera ouvert.");
            office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier l’actualité")).click();
            assertThat(office.locator(".initiative-updates")).containsText("Pose des jeux la semaine prochaine");

            assertThat(home.locator(".bell-count")).hasText("1");
            Assertions.assertThat(Mails.awaitLatest(resident.email(), "Nouvelle actualité : Pose des jeux")).isNotNull();

            home.locator("a.bell").click();
            home.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouvelle actualité : Pose des jeux la semaine prochaine")).click();
            assertThat(home.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Nouvelle aire de jeux du square");
            assertThat(home.locator(".bell-count")).isHidden();
        }
    }
}
