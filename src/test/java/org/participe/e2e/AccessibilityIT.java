package org.participe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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
 * The main pages, for a visitor, a signed-in resident and an official, checked in Chromium with axe-core
 * against WCAG 2.1 A and AA rules: no violation allowed.
 */
class AccessibilityIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    /**
     * axe-core 4.6.3 (the newest webjar on Maven Central) misreads the rows vaadin-grid keeps in its
     * shadow DOM; axe-core 4.14.1 run on the same pages reports nothing. Only this finding is set aside
     * ("aria-required-children" on grids, one or several on a page), and nothing else.
     */
    private static boolean knownFalsePositive(String violation) {
        String prefix = violation.substring(0, Math.max(0, violation.indexOf(':')));
        return prefix.startsWith("aria-required-children (") && Arrays.stream(violation.substring(prefix.length() + 1).split(" ; "))
                .allMatch(target -> target.strip().endsWith("vaadin-grid,#table"));
    }

    private static String axe() throws IOException {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> audit(Page page, String path, String script) {
        page.navigate(url(path));
        page.locator("main h1").first().waitFor();
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' ; '));
                }""");
        List<String> violations = new ArrayList<>();
        ((List<?>) result).stream().map(String::valueOf).filter(v -> !knownFalsePositive(v))
                .forEach(v -> violations.add("/" + path + " " + v));
        // What a screen reader's user navigates by: every piece of the page inside a landmark (header, nav,
        // main), headings that never skip a level, one h1, a page title. Vaadin's own connection indicator
        // (empty while the server answers) is left out.
        Object structure = page.evaluate("""
                async () => {
                  const r = await axe.run({ exclude: [['vaadin-connection-indicator']] }, { runOnly: { type: 'rule',
                      values: ['region', 'heading-order', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique',
                               'landmark-no-duplicate-banner', 'document-title'] } });
                  return r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' ; '));
                }""");
        ((List<?>) structure).stream().map(String::valueOf).forEach(v -> violations.add("/" + path + " " + v));
        return violations;
    }

    @Test
    void theMainPagesHaveNoWcagViolations() throws IOException {
        data.ensureTown();
        ParticipeUser resident = data.confirmedAccount("a11y", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long idea = Security.as(resident, () -> ideas.propose(new IdeaDraft("Une idée pour vérifier l’accessibilité",
                "Une description avec un lien https://example.org dans le texte.", category, null, null)));
        String script = axe();
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            for (String path : List.of("", "ideas", "ideas/" + idea, "initiatives", "follow-up", "figures", "login", "signup", "terms", "privacy", "account-deleted")) {
                violations.addAll(audit(page, path, script));
            }
            Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
            for (String path : List.of("ideas/new", "ideas/" + idea, "profile", "my-data", "my-activity", "notifications", "following")) {
                violations.addAll(audit(page, path, script));
            }
        }
        ParticipeUser official = data.confirmedAccount("a11y-official", Roles.OFFICIAL, Roles.RESIDENT);
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), official.email(), TestData.PASSWORD);
            for (String path : List.of("moderation", "moderation?tab=AWAITING_ANSWER", "moderation/audit", "moderation/templates", "ideas/" + idea)) {
                violations.addAll(audit(page, path, script));
            }
        }
        ParticipeUser staff = data.confirmedAccount("a11y-staff", Roles.STAFF);
        ParticipeUser admin = data.confirmedAccount("a11y-admin", Roles.ADMIN);
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), staff.email(), TestData.PASSWORD);
            for (String path : List.of("reports", "initiatives", "initiatives/new")) {
                violations.addAll(audit(page, path, script));
            }
        }
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), admin.email(), TestData.PASSWORD);
            // "moderation": the access-denied page an administrator without the official role gets.
            for (String path : List.of("admin/reference-population", "admin/town", "admin/people", "moderation", "ideas/999999999")) {
                violations.addAll(audit(page, path, script));
            }
            page.navigate(url("admin/people"));
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("@")).first().waitFor();
            Object cut = page.evaluate("() => [...document.querySelectorAll('vaadin-grid-cell-content')]"
                    + ".filter(c => c.textContent.trim() && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim())");
            assertThat((List<?>) cut).as("people and roles: cells cut at 1280 px").isEmpty();
        }
        assertThat(violations).isEmpty();
    }

    /** The user menu, open: axe finds nothing in it, and the keyboard opens it, walks it and closes it with Escape. */
    @Test
    void theOpenUserMenuHasNoViolationsAndWorksWithTheKeyboard() throws IOException {
        data.ensureTown();
        ParticipeUser resident = data.confirmedAccount("a11y-menu", Roles.RESIDENT);
        String script = axe();
        for (int width : new int[]{360, 1280}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
                page.navigate(url("ideas"));
                page.locator("main h1").first().waitFor();
                Locator toggle = page.locator(".user-menu-toggle");
                PlaywrightAssertions.assertThat(toggle).hasAccessibleName(Pattern.compile("^Mon compte : \\S"));
                PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "false");
                toggle.focus();
                page.keyboard().press("Enter");
                PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "true");
                Locator profile = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon profil"));
                PlaywrightAssertions.assertThat(profile).isVisible();
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
                Object result = page.evaluate("""
                        async () => {
                          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                          return r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' ; '));
                        }""");
                assertThat(((List<?>) result).stream().map(String::valueOf).filter(v -> !knownFalsePositive(v)).toList())
                        .as("axe with the user menu open at %d px", width).isEmpty();
                page.keyboard().press("Tab");
                PlaywrightAssertions.assertThat(profile).isFocused();
                page.keyboard().press("Tab");
                PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isFocused();
                page.keyboard().press("Escape");
                PlaywrightAssertions.assertThat(profile).isHidden();
                PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "false");
                PlaywrightAssertions.assertThat(toggle).isFocused();
            }
        }
    }
}
