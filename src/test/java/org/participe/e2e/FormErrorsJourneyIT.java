package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forms in real Chromium: a form sent empty puts focus on its first field in reading order and
 * announces every invalid field by name; the similar-ideas box stays inside the form on a phone
 * and on a desktop.
 */
class FormErrorsJourneyIT extends BrowserTest {

    /** The label of the field that holds the focus (Vaadin fields keep their input in the light DOM). */
    private static final String FOCUSED_LABEL = "(() => { const f = document.activeElement && document.activeElement.closest('[has-label]');"
            + " return f ? f.label : null; })()";

    private static final LocatorAssertions.IsVisibleOptions FIRST_PAGE = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    @Test
    void anEmptyIdeaFormFocusesTheTitleAndNamesEachInvalidField() {
        data.ensureTown();
        ParticipeUser resident = data.confirmedAccount("form-errors", Roles.RESIDENT);
        for (int width : new int[]{1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
                page.navigate(url("ideas/new"));
                // The first page of a class can take long on a busy machine: wait for it before the checks that follow.
                assertThat(page.getByText("Les champs marqués • sont obligatoires.")).isVisible(FIRST_PAGE);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier mon idée")).click();

                Locator summary = page.locator(".form-error-summary[role=alert]");
                assertThat(summary).containsText("3 erreurs");
                assertThat(summary).containsText("Titre : Indiquez entre 10 et 120 caractères.");
                assertThat(summary).containsText("Description : Indiquez entre 20 et ");
                assertThat(summary).containsText("Thème : ");
                assertThat(summary.textContent().indexOf("Titre")).isLessThan(summary.textContent().indexOf("Description"));
                page.waitForFunction(FOCUSED_LABEL + " === 'Titre'");
                assertEveryInvalidFieldIsNamed(page, summary);
            }
        }
    }

    @Test
    void anEmptySignUpFocusesTheFirstFieldNotTheTermsCheckbox() {
        data.ensureTown();
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            page.navigate(url("signup"));
            // The first page of a class can take long on a busy machine: wait for it before the checks that follow.
                assertThat(page.getByText("Les champs marqués • sont obligatoires.")).isVisible(FIRST_PAGE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();

            Locator summary = page.locator(".form-error-summary[role=alert]");
            assertThat(summary).containsText("erreurs");
            String firstField = (String) page.evaluate("document.querySelector('vaadin-form-layout [has-label][invalid]').label");
            page.waitForFunction(FOCUSED_LABEL + " === " + quoted(firstField));
            assertThat(firstField).isNotEqualTo(page.evaluate("document.querySelector('vaadin-checkbox').label"));
            assertEveryInvalidFieldIsNamed(page, summary);
        }
    }

    @Test
    void theSimilarIdeasBoxStaysInsideTheFormOnAPhoneAndADesktop() {
        data.ensureTown();
        ParticipeUser earlier = data.confirmedAccount("similar-earlier", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        Security.as(earlier, () -> ideas.propose(new IdeaDraft(
                "Une fontaine à eau potable sur la place du marché couvert, avec un très long titre qui doit revenir à la ligne",
                "Les jours de marché, il fait chaud et il n’y a aucun point d’eau pour se désaltérer.", category, null, null)));
        ParticipeUser resident = data.confirmedAccount("similar-box", Roles.RESIDENT);
        for (int width : new int[]{1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
                page.navigate(url("ideas/new"));
                page.getByLabel("Titre").fill("Une fontaine à eau potable sur la place du marché");
                Locator box = page.locator(".similar-ideas");
                assertThat(box).containsText("Une fontaine à eau potable", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
                BoundingBox similar = box.boundingBox();
                BoundingBox title = page.locator("vaadin-text-field").first().boundingBox();
                double viewport = ((Number) page.evaluate("document.documentElement.clientWidth")).doubleValue();
                assertThat(similar.x + similar.width).as("right edge at %d px", width).isLessThanOrEqualTo(title.x + title.width + 0.5);
                assertThat(similar.x).as("left edge at %d px", width).isGreaterThanOrEqualTo(title.x - 0.5);
                assertThat(similar.x + similar.width).as("inside the viewport at %d px", width).isLessThanOrEqualTo(viewport);
            }
        }
    }

    /** Every field shown invalid is named in the summary, and the summary counts exactly those. */
    private static void assertEveryInvalidFieldIsNamed(Page page, Locator summary) {
        @SuppressWarnings("unchecked")
        List<String> invalid = (List<String>) page.evaluate("[...document.querySelectorAll('[has-label][invalid]')].map(f => f.label)");
        assertThat(invalid).isNotEmpty();
        String text = summary.textContent();
        assertThat(text).startsWith(invalid.size() == 1 ? "1 erreur" : invalid.size() + " erreurs");
        invalid.forEach(label -> assertThat(text).contains(label + " : "));
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
