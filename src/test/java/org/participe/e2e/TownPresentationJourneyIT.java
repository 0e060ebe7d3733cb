package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The town's presentation in English: an administrator writes it on the town settings page, the
 * English home page shows it, and shows the French one (marked as French) when there is none.
 */
class TownPresentationJourneyIT extends BrowserTest {

    private static final String FRENCH = "Une ville qui écoute ses habitants et leur répond.";
    private static final String ENGLISH = "A town that listens to its residents and answers them.";

    /** Pages of a busy machine: the first view after signing in can take a while. */
    private static final LocatorAssertions.IsVisibleOptions SHOWN = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasTextOptions SHOWS = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @Autowired TestData data;
    @Autowired TownService town;
    ParticipeUser admin;
    TownProfile before;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("presentation-journey-admin", Roles.ADMIN);
        before = Security.anonymously(() -> town.profile());
        Security.as(admin, () -> town.update(TownSettingsUpdate.from(before).withPresentations(FRENCH, "")));
    }

    @AfterEach
    void restore() {
        TownProfile now = Security.anonymously(() -> town.profile());
        Security.as(admin, () -> town.update(TownSettingsUpdate.from(now).withPresentations(before.description(), before.descriptionEn())));
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void theEnglishHomePageShowsTheEnglishPresentationOrTheFrenchOneMarkedAsFrench(int width) {
        try (BrowserContext context = browser.context(width, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), admin.email(), TestData.PASSWORD);
            page.navigate(url("admin/town"));
            Locator english = page.locator("vaadin-text-area").filter(new Locator.FilterOptions().setHasText("Présentation courte, en anglais"));
            assertThat(english).isVisible(SHOWN);
            // What is typed in it is English (the label stays in the interface's language); the French one is French.
            assertThat(english.locator("textarea")).hasAttribute("lang", "en");
            assertThat(page.locator("vaadin-text-area").filter(new Locator.FilterOptions().setHasText("Présentation courte, en français"))
                    .locator("textarea")).hasAttribute("lang", "fr");
            english.locator("textarea").fill(ENGLISH);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).first().click();
            assertThat(page.getByText("Réglages enregistrés").first()).isVisible(SHOWN);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "town-presentation-admin-" + width + ".png")).setFullPage(true));

            page.navigate(url(""));
            assertThat(page.locator(".town-presentation")).hasText(FRENCH, SHOWS);
            assertThat(page.locator(".town-presentation")).hasAttribute("lang", "fr");

            page.locator(".language-switch").click();
            page.locator("html[lang=en]").waitFor();
            assertThat(page.locator(".town-presentation")).hasText(ENGLISH, SHOWS);
            assertThat(page.locator(".town-presentation")).hasAttribute("lang", "en");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "town-presentation-en-" + width + ".png")));

            // Without an English presentation, the English page shows the French one, marked as French.
            Security.as(admin, () -> town.update(TownSettingsUpdate.from(town.profile()).withPresentations(FRENCH, "")));
            page.reload();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator(".town-presentation")).hasText(FRENCH, SHOWS);
            assertThat(page.locator(".town-presentation")).hasAttribute("lang", "fr");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "town-presentation-fallback-" + width + ".png")));
        }
    }
}
