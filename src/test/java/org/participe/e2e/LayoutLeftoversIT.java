package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Layout fixes of issue 15 that only a browser can check, at a phone's width and a desktop's: the
 * side menu's labels, the moderation tabs, small photos and the ideas' sort are shown whole.
 */
class LayoutLeftoversIT extends BrowserTest {

    /** Pages of a busy machine. */
    private static final LocatorAssertions.HasTextOptions SHOWS = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    private static final LocatorAssertions.ContainsTextOptions CONTAINS = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    /**
     * The menu entries whose label is cut: Lumo shows the label in an unnamed slot of the item's
     * shadow root, which hides what overflows it behind "…". An entry not laid out (width 0) is
     * reported too, so that a closed drawer cannot pass for a readable one.
     */
    private static final String CUT_NAV_LABELS = """
            () => [...document.querySelectorAll('vaadin-side-nav-item')].flatMap(item => {
              const slot = item.shadowRoot.querySelector('slot:not([name])');
              const label = item.textContent.trim();
              if (slot.clientWidth === 0) return [label + ' (not shown)'];
              const cut = slot.scrollWidth - slot.clientWidth, clipped = slot.scrollHeight - slot.clientHeight;
              return cut > 0 || clipped > 0 ? [label + ' (' + cut + ' px cut, ' + clipped + ' px clipped)'] : [];
            })""";

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /** Every menu label is readable whole, in French and in English ("La participation en chif…" in the drawer). */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void everyMenuLabelIsShownWhole(int width) {
        data.ensureTown();
        // Every role: the longest menu there is.
        ParticipeUser everyone = data.confirmedAccount("nav-labels", Roles.RESIDENT, Roles.OFFICIAL, Roles.STAFF, Roles.ADMIN);
        try (BrowserContext context = browser.context(width, 900)) {
            Page page = context.newPage();
            page.navigate(url(""));
            page.locator("main h1").waitFor();
            assertThat(cutMenuLabels(page)).as("visitor's menu in French at %d px", width).isEmpty();
            screenshot(page, "nav-labels-visitor-fr-" + width);

            Browser.logIn(page, url("login"), everyone.email(), TestData.PASSWORD);
            page.navigate(url(""));
            page.locator("main h1").waitFor();
            List<String> french = cutMenuLabels(page);
            screenshot(page, "nav-labels-fr-" + width);
            page.keyboard().press("Escape");

            page.locator(".language-switch").click();
            page.locator("html[lang=en]").waitFor();
            page.locator("main h1").waitFor();
            List<String> english = cutMenuLabels(page);
            screenshot(page, "nav-labels-en-" + width);

            assertThat(french).as("French menu at %d px", width).isEmpty();
            assertThat(english).as("English menu at %d px", width).isEmpty();
        }
    }

    private List<String> cutMenuLabels(Page page) {
        // Vaadin's first round trips (the layout telling the server it is an overlay) may close a drawer opened before them.
        Browser.waitForQuietPage(page);
        if (page.locator("vaadin-app-layout[overlay]").count() > 0) {
            page.locator("vaadin-drawer-toggle").click();
            page.locator("vaadin-app-layout[drawer-opened]").waitFor();
        }
        page.waitForFunction("() => { const items = document.querySelectorAll('vaadin-side-nav-item');"
                + " return items.length > 0 && [...items].every(item => item.shadowRoot && item.shadowRoot.querySelector('slot:not([name])')); }");
        page.locator("vaadin-side-nav-item").last().waitFor();
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) page.evaluate(CUT_NAV_LABELS);
        return cut;
    }

    /** The moderation inbox's tabs ("Masqués (n)" was cut at 1280 px) are all inside the page, none scrolled out of sight. */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void theModerationTabsAreShownWhole(int width) {
        data.ensureTown();
        ParticipeUser official = data.confirmedAccount("tabs-official", Roles.OFFICIAL, Roles.RESIDENT);
        try (BrowserContext context = browser.context(width, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), official.email(), TestData.PASSWORD);
            page.navigate(url("moderation"));
            assertThat(page.locator(".inbox-tab").last()).containsText("Masqués (", CONTAINS);
            Object cut = page.locator(".inbox-tabs").evaluate("""
                    tabs => { const box = tabs.getBoundingClientRect();
                              const out = [...tabs.querySelectorAll('.inbox-tab')]
                                .filter(tab => { const r = tab.getBoundingClientRect();
                                                 return r.left < box.left - 0.5 || r.right > box.right + 0.5 || tab.scrollWidth > tab.clientWidth; })
                                .map(tab => tab.textContent);
                              return { scrolls: tabs.scrollWidth - tabs.clientWidth, out }; }""");
            screenshot(page, "moderation-tabs-" + width);
            assertThat(cut).as("moderation tabs at %d px", width).isEqualTo(Map.of("scrolls", 0, "out", List.of()));
        }
    }

    /** A photo narrower than the column is shown at its own width (a 96 px photo was stretched to 670 px). */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void aSmallPhotoIsNotEnlarged(int width) throws IOException {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("small-photo", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        byte[] smallPhoto = png(96, 64);
        long idea = Security.as(author, () -> ideas.propose(new IdeaDraft("Une petite photo du banc cassé près de l’école",
                "La photo est petite : elle doit rester nette et ne pas être agrandie sur la page.", category, null, smallPhoto,
                "Un banc cassé")));
        try (BrowserContext context = browser.context(width, 900)) {
            Page page = context.newPage();
            page.navigate(url("ideas/" + idea));
            var photo = page.locator("img.idea-photo");
            photo.waitFor();
            page.waitForFunction("img => img.complete && img.naturalWidth > 0", photo.elementHandle());
            Number shown = (Number) photo.evaluate("img => img.getBoundingClientRect().width");
            Number natural = (Number) photo.evaluate("img => img.naturalWidth");
            screenshot(page, "small-photo-" + width);
            assertThat(natural.intValue()).isEqualTo(96);
            assertThat(shown.doubleValue()).as("photo width at %d px", width).isLessThanOrEqualTo(96.5);
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(180, 90, 40));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /**
     * The ideas' sort shows its whole choice, whichever it is ("Trier par : Les plus récent…" at
     * 1280 px, "Les plus comment…" at 360 px).
     */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 1280})
    void theIdeasSortShowsItsWholeChoice(int width) {
        data.ensureTown();
        Map<String, String> choices = Map.of("NEWEST", "Les plus récentes", "SUPPORTED", "Les plus soutenues",
                "DISCUSSED", "Les plus commentées", "ANSWERED", "Réponses récentes");
        try (BrowserContext context = browser.context(width, 900)) {
            Page page = context.newPage();
            for (var choice : choices.entrySet()) {
                page.navigate(url("ideas?sort=" + choice.getKey()));
                var sort = page.locator(".idea-filters vaadin-select").last();
                assertThat(sort.locator("vaadin-select-value-button")).hasText(choice.getValue(), SHOWS);
                Object cut = sort.evaluate(SELECT_VALUE_CUT);
                screenshot(page, "ideas-sort-" + choice.getKey() + "-" + width);
                assertThat(((Number) cut).intValue()).as("%s cut at %d px", choice.getValue(), width).isLessThanOrEqualTo(0);
            }
        }
    }

    /**
     * How much of a select's shown value is hidden: cut sideways (ending in "…") or below the field
     * when the value wraps onto more lines than the field shows.
     */
    private static final String SELECT_VALUE_CUT = """
            select => { const button = select.querySelector('vaadin-select-value-button');
                        const item = button.querySelector('vaadin-select-item');
                        return Math.max(item.scrollWidth - item.clientWidth, button.scrollWidth - button.clientWidth,
                                        item.getBoundingClientRect().bottom - select.getBoundingClientRect().bottom); }""";
}
