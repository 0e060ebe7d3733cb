package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.participe.accounts.AccountService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open page of a person whose rights just changed: its next round trip (a click in the menu,
 * handled by Vaadin without loading a page) lands on the login page, which says why, and never
 * shows the old rights' data; after signing in again the new rights work. On a phone (360 px) as
 * on a desktop (1280 px).
 */
class SessionEndJourneyIT extends BrowserTest {

    /** Pages of a busy machine: the first view after signing in can take a while. */
    private static final LocatorAssertions.IsVisibleOptions SHOWN = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasTextOptions SHOWS = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    private static final PageAssertions.HasURLOptions AT = new PageAssertions.HasURLOptions().setTimeout(30_000);

    private static final String HINT = "Vos droits ou votre mot de passe ont changé : reconnectez-vous.";

    @Autowired TestData data;
    @Autowired AccountService accounts;
    ParticipeUser admin;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("journey-admin", Roles.ADMIN);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void anOfficialWhoseRoleIsRemovedIsSentToTheLoginPageFromTheOpenModerationPage(int width) {
        ParticipeUser official = data.confirmedAccount("journey-official", Roles.RESIDENT, Roles.OFFICIAL);
        try (BrowserContext context = browser.context(width, 900)) {
            Page page = context.newPage();
            signIn(page, official);
            page.navigate(url("moderation"));
            assertThat(page.locator("h1").first()).hasText("Modération", SHOWS);
            // The page's own first round trips over (on a phone the layout tells the server it is an
            // overlay), so that the next one is the click's and the layout's mode is known.
            Browser.waitForQuietPage(page);

            Security.as(admin, () -> accounts.setRoles(official.accountId(), Set.of(Roles.RESIDENT)));
            // The next round trip of the open page: a click in the menu. On a phone the menu is behind
            // its toggle, and opening it is already a round trip (the layout tells the server).
            if (page.locator("vaadin-app-layout[overlay]").count() > 0) {
                page.locator("vaadin-drawer-toggle").click();
            } else {
                page.locator("vaadin-side-nav-item[path$='ideas']").first().click();
            }

            // The login page, with the reason (in its address, or remembered when another request met the ended session first).
            assertThat(page).hasURL(Pattern.compile(".*/login(\\?ended)?$"), AT);
            assertThat(page.getByText(HINT)).isVisible(SHOWN);
            page.navigate(url("moderation"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"), AT);
            assertThat(page.locator("h1")).not().hasText("Modération");
        }
    }

    /**
     * The click's round trip meets the ended session; the page must load the login page and stop
     * there. It used to send its message a second time (the answer was not one it could read as a
     * reply), that second request met no session at all, and the page reloaded itself a moment
     * later: on a phone, where the page is slower, it went back to {@code /ideas} with no reason shown.
     */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void aResidentGrantedARoleIsAskedToSignInAgainAndThenHasIt(int width) {
        ParticipeUser resident = data.confirmedAccount("journey-promoted", Roles.RESIDENT);
        try (BrowserContext context = browser.context(width, 800)) {
            Page page = context.newPage();
            signIn(page, resident);
            page.navigate(url("ideas"));
            assertThat(page.locator("a[href='ideas/new']").first()).isVisible(SHOWN);
            Browser.waitForQuietPage(page);
            List<String> sentToProposeIdea = new CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if (request.url().contains("v-r=uidl") && request.postData() != null && request.postData().contains("\"route\":\"ideas/new\"")) {
                    sentToProposeIdea.add(request.postData());
                }
            });

            Security.as(admin, () -> accounts.setRoles(resident.accountId(), Set.of(Roles.RESIDENT, Roles.OFFICIAL)));
            // "Proposer une idée": an in-app link, followed by Vaadin's client in a round trip.
            page.locator("a[href='ideas/new']").first().click();

            assertThat(page).hasURL(Pattern.compile(".*/login\\?ended$"), AT);
            assertThat(page.getByText(HINT)).isVisible(SHOWN);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?ended$"));
            // The click's message went once: the answer stopped the page instead of letting it try again.
            Assertions.assertThat(sentToProposeIdea).hasSize(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "session-ended-" + width + ".png")));

            signIn(page, resident);
            page.navigate(url("moderation"));
            assertThat(page.locator("h1").first()).hasText("Modération", SHOWS);
        }
    }

    private void signIn(Page page, ParticipeUser person) {
        Browser.logIn(page, url("login"), person.email(), TestData.PASSWORD);
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"), AT);
    }
}
