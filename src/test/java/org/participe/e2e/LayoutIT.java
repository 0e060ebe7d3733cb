package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * The frame of the pages in Chromium: no page scrolls sideways on a 320 px screen, whoever is
 * signed in, and Vaadin's own texts (menu toggle, password reveal, selection checkboxes, menu
 * overflow) are French in the French interface.
 */
class LayoutIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    /** The page itself and the layout's content area (which scrolls on its own) are no wider than the screen. */
    private static final String SIDEWAYS_OVERFLOW = """
            () => {
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part=content]');
              return Math.max(document.documentElement.scrollWidth - window.innerWidth,
                  content ? content.scrollWidth - content.clientWidth : 0);
            }""";

    private long idea() {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("layout-author", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        return Security.as(author, () -> ideas.propose(new IdeaDraft("Une idée pour un écran de téléphone étroit",
                "Une description assez longue pour remplir la largeur d’un petit écran de téléphone.", category, null, null)));
    }

    private List<String> overflowing(Page page, List<String> paths) {
        List<String> wide = new ArrayList<>();
        for (String path : paths) {
            page.navigate(url(path));
            page.locator("main h1, h1").first().waitFor();
            page.waitForLoadState();
            Number overflow = (Number) page.evaluate(SIDEWAYS_OVERFLOW);
            if (overflow.intValue() > 0) {
                wide.add("/" + path + " scrolls " + overflow + " px sideways");
            }
        }
        return wide;
    }

    private List<String> signedIn(ParticipeUser person, List<String> paths) {
        try (BrowserContext context = browser.context(320, 700)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), person.email(), TestData.PASSWORD);
            return overflowing(page, paths);
        }
    }

    @Test
    void noPageScrollsSidewaysAt320Pixels() {
        long idea = idea();
        List<String> wide = new ArrayList<>();
        try (BrowserContext context = browser.context(320, 700)) {
            wide.addAll(overflowing(context.newPage(), List.of("", "ideas", "ideas/" + idea, "initiatives", "follow-up", "figures",
                    "login", "signup", "terms", "privacy")));
        }
        wide.addAll(signedIn(data.confirmedAccount("layout-resident", Roles.RESIDENT),
                List.of("ideas/new", "ideas/" + idea, "profile", "my-data", "my-activity", "notifications", "following")));
        wide.addAll(signedIn(data.confirmedAccount("layout-official", Roles.OFFICIAL, Roles.RESIDENT),
                List.of("moderation", "moderation?tab=AWAITING_ANSWER", "moderation/audit", "moderation/templates")));
        wide.addAll(signedIn(data.confirmedAccount("layout-staff", Roles.STAFF), List.of("reports", "initiatives")));
        wide.addAll(signedIn(data.confirmedAccount("layout-admin", Roles.ADMIN),
                List.of("admin/town", "admin/people", "admin/reference-population")));
        assertThat(wide).isEmpty();
    }

    @Test
    void vaadinsOwnTextsAreFrenchInTheFrenchInterface() {
        ParticipeUser official = data.confirmedAccount("layout-texts", Roles.OFFICIAL, Roles.RESIDENT);
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            page.navigate(url("ideas"));
            page.locator("main h1").waitFor();
            assertThat(page.locator("vaadin-drawer-toggle")).hasAttribute("aria-label", "Afficher ou masquer le menu");

            page.navigate(url("login"));
            page.locator("vaadin-login-form input[name=password]").waitFor();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher le mot de passe"))).hasCount(1);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show password"))).hasCount(0);
            page.navigate(url("signup"));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher le mot de passe")).first()).isAttached();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show password"))).hasCount(0);

            Browser.logIn(page, url("login"), official.email(), TestData.PASSWORD);
            page.navigate(url("moderation"));
            page.locator("main h1").waitFor();
            // The select-all box is hidden while the inbox is empty: its name is read from the DOM.
            page.waitForFunction("() => { const box = document.querySelector('vaadin-grid vaadin-checkbox.vaadin-grid-select-all-checkbox');"
                    + " return box !== null && box.accessibleName === 'Tout sélectionner'; }");
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select All"))).hasCount(0);
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Row"))).hasCount(0);
        }
    }

    /** The comments' order shows its whole choice ("Les plus anciens d'abord" ended in "…" at 1280 px). */
    @Test
    void theCommentsOrderShowsItsWholeChoice() {
        long idea = idea();
        for (int width : new int[]{320, 1280}) {
            try (BrowserContext context = browser.context(width, 800)) {
                Page page = context.newPage();
                page.navigate(url("ideas/" + idea));
                var order = page.locator(".comments-header vaadin-select");
                order.waitFor();
                assertThat(order.locator("vaadin-select-value-button")).containsText("Les plus anciens d’abord");
                Object cut = order.evaluate("""
                        select => { const item = select.querySelector('vaadin-select-value-button vaadin-select-item');
                                    return item.scrollWidth - item.clientWidth; }""");
                assertThat(((Number) cut).intValue()).as("text cut at %d px", width).isLessThanOrEqualTo(0);
                assertThat(((Number) page.evaluate(SIDEWAYS_OVERFLOW)).intValue()).as("sideways scroll at %d px", width).isLessThanOrEqualTo(0);
            }
        }
    }
}
