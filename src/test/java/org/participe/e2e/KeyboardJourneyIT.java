package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * A keyboard-only resident: the skip link leads into the page they are on, and after opening an
 * idea with Enter, focus is on the idea's heading, so that the next Tab continues in the idea.
 */
class KeyboardJourneyIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    private static final String ACTIVE_IS_MAIN_HEADING =
            "() => document.activeElement.tagName === 'H1' && document.activeElement.closest('main') !== null";

    private long idea(String title) {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("keyboard-author", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        return Security.as(author, () -> ideas.propose(new IdeaDraft(title,
                "Une idée pour parcourir la plateforme au clavier seulement, sans souris.", category, null, null)));
    }

    @Test
    void everyFocusIndicatorReachesThreeToOneAndFieldsShowTheirBoundary() throws Exception {
        long idea = idea("Un focus bien visible sur chaque élément");
        ParticipeUser resident = data.confirmedAccount("keyboard-focus", Roles.RESIDENT);
        String ring;
        try (var in = getClass().getResourceAsStream("/e2e/focus-ring.js")) {
            ring = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> weak = new ArrayList<>();
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
            for (String path : new String[] {"ideas", "ideas/" + idea}) {
                page.navigate(url(path));
                page.locator("main h1").first().waitFor();
                for (int i = 0; i < 40; i++) {
                    page.keyboard().press("Tab");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> focused = (Map<String, Object>) page.evaluate(ring);
                    if ("BODY".equals(focused.get("tag"))) {
                        break;
                    }
                    if (((Number) focused.get("ratio")).doubleValue() < 3.0) {
                        weak.add(path + ": " + focused);
                    }
                }
            }
            page.navigate(url("ideas"));
            page.locator("main vaadin-text-field").first().waitFor();
            Object boundary = page.evaluate("""
                    () => {
                      const field = document.querySelector('main vaadin-text-field');
                      const style = getComputedStyle(field);
                      const probe = document.createElement('span');
                      probe.style.color = style.getPropertyValue('--vaadin-input-field-border-color').trim() || 'transparent';
                      document.body.appendChild(probe);
                      const parts = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
                      probe.remove();
                      const alpha = parts.length > 3 ? parts[3] : 1;
                      const lum = parts.slice(0, 3).map(v => v * alpha + 255 * (1 - alpha)).map(v => v / 255)
                          .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                      const l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
                      const width = parseFloat(style.getPropertyValue('--vaadin-input-field-border-width')) || 0;
                      return width >= 1 ? 1.05 / (l + 0.05) : 0;
                    }""");
            assertThat(((Number) boundary).doubleValue()).as("field boundary against white").isGreaterThanOrEqualTo(3.0);
        }
        assertThat(weak).isEmpty();
    }

    @Test
    void theSkipLinkLeadsIntoThePageItIsOn() {
        long idea = idea("Des bancs pour les parcours au clavier");
        for (int width : new int[] {1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                for (String path : new String[] {"ideas", "ideas/" + idea}) {
                    page.navigate(url(path));
                    page.locator("main h1").first().waitFor();
                    page.keyboard().press("Tab");
                    assertThat(page.evaluate("() => document.activeElement.className")).asString().contains("skip-link");
                    page.keyboard().press("Enter");
                    page.waitForFunction(ACTIVE_IS_MAIN_HEADING);
                    assertThat(page).hasURL(url(path));
                    // The next Tab continues inside the page, after its heading.
                    page.keyboard().press("Tab");
                    assertThat(page.evaluate("() => document.activeElement.closest('main') !== null")).isEqualTo(true);
                }
            }
        }
    }

    @Test
    void openingAnIdeaWithEnterPutsFocusOnItsHeadingAndAnnouncesIt() {
        String title = "Un composteur partagé pour le clavier";
        idea(title);
        for (int width : new int[] {1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                page.navigate(url("ideas"));
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).first().focus();
                page.keyboard().press("Enter");
                assertThat(page.locator("main h1")).hasText(title);
                page.waitForFunction(ACTIVE_IS_MAIN_HEADING);
                assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo(title);
                // The new page is announced by its title, politely.
                assertThat(page.locator("[aria-live=polite]#page-announcer")).containsText(title);
                page.keyboard().press("Tab");
                Object after = page.evaluate("""
                        () => {
                          const heading = document.querySelector('main h1');
                          const active = document.activeElement;
                          return active.closest('main') !== null
                              && (heading.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
                        }""");
                assertThat(after).isEqualTo(true);
            }
        }
    }
}
