package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A newcomer in real Chromium: signs up, confirms the e-mail from the link received by SMTP,
 * logs out, logs in, and sees why a wrong password is refused. Screenshots go to target/screenshots.
 */
class NewcomerJourneyIT extends BrowserTest {


    @Autowired TestData data;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    @Test
    void aNewcomerSignsUpConfirmsLogsOutAndLogsInAgain() {
        String email = TestData.uniqueEmail("e2e");
        try (BrowserContext context = browser.context(390, 844)) {
            Page page = context.newPage();
            page.navigate(url("signup"));
            page.locator("vaadin-email-field input").fill(email);
            page.getByLabel("Nom affiché").fill("Alex Nouveau");
            page.locator("vaadin-password-field input").fill(TestData.PASSWORD);
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("J’accepte"))).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            assertThat(page.getByText("Vérifiez votre boîte e-mail")).isVisible();

            String link = Mails.link(Mails.awaitLatest(email, "Confirmez votre adresse"));
            URI target = URI.create(link);
            page.navigate(url(target.getPath().substring(1) + "?" + target.getQuery()));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Adresse confirmée"))).isVisible();

            logIn(page, email, TestData.PASSWORD);
            assertThat(page.locator(".user-menu-toggle")).containsText("Alex Nouveau");

            page.locator(".user-menu-toggle").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Créer un compte")).first()).isVisible();

            logIn(page, email, "ce n'est pas le bon mot de passe");
            assertThat(page.getByText("L’adresse e-mail ou le mot de passe est incorrect")).isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?error"));

            logIn(page, email, TestData.PASSWORD);
            assertThat(page.locator(".user-menu-toggle")).containsText("Alex Nouveau");
        }
    }

    @Test
    void theHomePageReadsWellOnAPhoneAndOnADesktop() {
        for (int[] size : new int[][]{{360, 780}, {1280, 900}}) {
            try (BrowserContext context = browser.context(size[0], size[1])) {
                Page page = context.newPage();
                page.navigate(url(""));
                assertThat(page.locator("html")).hasAttribute("lang", "fr");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Testville");
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aller au contenu"))).isAttached();
                Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as("no horizontal scrolling at " + size[0] + " px").isLessThanOrEqualTo(0);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "home-" + size[0] + ".png")));
            }
        }
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            page.navigate(url(""));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Aller au contenu");
            page.keyboard().press("Enter");
            // The skip link leads to the page's heading inside main (base/ui/MainLayout), not to the home page.
            assertThat(page.locator("main#main-content h1")).isFocused();
        }
    }

    private void logIn(Page page, String email, String password) {
        Browser.logIn(page, url("login"), email, password);
    }
}
