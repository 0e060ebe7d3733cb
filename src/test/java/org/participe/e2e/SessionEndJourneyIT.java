package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.AccountService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open page of a person whose rights just changed: its next round trip (a click in the menu,
 * handled by Vaadin without loading a page) lands on the login page, which says why, and never
 * shows the old rights' data; after signing in again the new rights work.
 */
class SessionEndJourneyIT extends BrowserTest {

    private static final String HINT = "Vos droits ou votre mot de passe ont changé : reconnectez-vous.";

    @Autowired TestData data;
    @Autowired AccountService accounts;
    ParticipeUser admin;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("journey-admin", Roles.ADMIN);
    }

    @Test
    void anOfficialWhoseRoleIsRemovedIsSentToTheLoginPageFromTheOpenModerationPage() {
        ParticipeUser official = data.confirmedAccount("journey-official", Roles.RESIDENT, Roles.OFFICIAL);
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), official.email(), TestData.PASSWORD);
            page.navigate(url("moderation"));
            assertThat(page.locator("h1")).hasText("Modération");

            Security.as(admin, () -> accounts.setRoles(official.accountId(), Set.of(Roles.RESIDENT)));
            // The next round trip of the open page: a click in the menu.
            page.locator("vaadin-side-nav-item[path$='ideas']").first().click();

            assertThat(page).hasURL(Pattern.compile(".*/login\\?ended$"));
            assertThat(page.getByText(HINT)).isVisible();
            page.navigate(url("moderation"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("h1")).not().hasText("Modération");
        }
    }

    @Test
    void aResidentGrantedARoleIsAskedToSignInAgainAndThenHasIt() {
        ParticipeUser resident = data.confirmedAccount("journey-promoted", Roles.RESIDENT);
        for (int width : new int[] {1280, 360}) {
            try (BrowserContext context = browser.context(width, 800)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
                page.navigate(url("ideas"));
                assertThat(page.locator("h1")).isVisible();

                Set<String> roles = width == 1280 ? Set.of(Roles.RESIDENT, Roles.OFFICIAL) : Set.of(Roles.RESIDENT, Roles.OFFICIAL, Roles.STAFF);
                Security.as(admin, () -> accounts.setRoles(resident.accountId(), roles));
                // "Proposer une idée": an in-app link, followed by Vaadin's client in a round trip.
                page.locator("a[href='ideas/new']").first().click();

                assertThat(page).hasURL(Pattern.compile(".*/login\\?ended$"));
                assertThat(page.getByText(HINT)).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "session-ended-" + width + ".png")));

                Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
                page.navigate(url("moderation"));
                assertThat(page.locator("h1")).hasText("Modération");
            }
        }
    }
}
