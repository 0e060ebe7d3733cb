package org.participe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.participe.budget.BallotService;
import org.participe.budget.BudgetFixture;
import org.participe.budget.BudgetResultService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident votes with the keyboard only, on a phone (360 px) and on a desktop (1280 px): Tab to a
 * project, Space ticks it, the total follows, a project that no longer fits cannot be ticked, the
 * summary and the receipt take the focus. Then the vote closes, is counted, and a visitor reads the
 * results. No sideways scrolling and no axe-core WCAG 2.1 AA finding on either page.
 */
class BudgetVoteJourneyIT extends BrowserTest {

    @Autowired BudgetFixture fixture;
    @Autowired TestData data;
    @Autowired BallotService ballots;
    @Autowired BudgetResultService results;

    private static final String OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";
    private static final String FOCUSED_CHECKBOX = "() => !!(document.activeElement && document.activeElement.closest('vaadin-checkbox'))";

    private static String axe() throws IOException {
        try (InputStream in = BudgetVoteJourneyIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> audit(Page page, String script) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' ; '));
                }""");
        List<String> violations = new ArrayList<>();
        ((List<?>) result).forEach(v -> violations.add(page.url() + " " + v));
        return violations;
    }

    @Test
    void aResidentVotesWithTheKeyboardAtBothWidthsAndAVisitorReadsTheResults() throws IOException {
        data.ensureTown();
        String script = axe();
        List<String> violations = new ArrayList<>();
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 100_000_00);
        fixture.project(campaign, envelope, "Un jardin partagé derrière la médiathèque", 60_000_00);
        fixture.project(campaign, envelope, "Des bancs et de l'ombre le long du canal", 30_000_00);
        fixture.project(campaign, envelope, "Une aire de jeux inclusive au parc", 50_000_00);
        fixture.project(campaign, envelope, "Une boîte à livres dans chaque quartier", 6_000_00);

        for (int width : new int[] {360, 1280}) {
            ParticipeUser voter = fixture.resident();
            try (BrowserContext context = browser.context(width, 800)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), voter.email(), TestData.PASSWORD);
                page.navigate(url("budgets/" + campaign + "/vote"));
                page.locator(".ballot-card").first().waitFor();
                Browser.waitForQuietPage(page);
                assertThat(((Number) page.evaluate(OVERFLOW)).intValue()).as("ballot at %d px: no sideways scroll", width).isLessThanOrEqualTo(0);
                violations.addAll(audit(page, script));

                String before = page.locator(".ballot-total").innerText();
                // Tick, with the keyboard, every project that still fits, in the order they come.
                int ticked = 0;
                for (int i = 0; i < 80 && ticked < 4; i++) {
                    page.keyboard().press("Tab");
                    if (Boolean.TRUE.equals(page.evaluate(FOCUSED_CHECKBOX))) {
                        page.keyboard().press("Space");
                        ticked++;
                        page.waitForFunction("() => Object.values(window.Vaadin?.Flow?.clients ?? {}).every(c => !c.isActive())");
                    }
                }
                assertThat(ticked).as("projects ticked with Space at %d px", width).isPositive();
                assertThat(page.locator(".ballot-total").innerText()).isNotEqualTo(before);
                int readOnly = page.locator("vaadin-checkbox[readonly]").count();
                assertThat(readOnly).as("a project that no longer fits cannot be ticked").isPositive();
                assertThat(page.locator("vaadin-checkbox[readonly] [slot=helper]").count()).as("each one says why").isEqualTo(readOnly);
                assertThat(page.locator("vaadin-checkbox[readonly][checked]").count()).as("none shows a tick the server refused").isZero();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "budget-ballot-" + width + ".png")));

                page.locator(".ballot-review").focus();
                page.keyboard().press("Enter");
                page.locator(".ballot-cast").waitFor();
                assertThat(page.evaluate("() => document.activeElement.tagName")).as("the summary takes the focus").isEqualTo("H3");
                page.locator(".ballot-cast").focus();
                page.keyboard().press("Enter");
                page.locator(".ballot-receipt-code").waitFor();
                assertThat(page.locator(".ballot-receipt-code").innerText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
                assertThat(page.evaluate("() => document.activeElement.tagName")).as("the receipt takes the focus").isEqualTo("H3");
                assertThat(((Number) page.evaluate(OVERFLOW)).intValue()).isLessThanOrEqualTo(0);
                violations.addAll(audit(page, script));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "budget-receipt-" + width + ".png")));
            }
        }
        for (int i = 0; i < 4; i++) {
            Security.as(fixture.resident(1985, null), () -> ballots.cast(campaign, envelope, Set.of()));
        }
        fixture.closeVote(campaign);
        Security.as(data.confirmedAccount("journey-staff", Roles.STAFF), () -> results.countNow(campaign));

        for (int width : new int[] {360, 1280}) {
            try (BrowserContext context = browser.context(width, 800)) {
                Page page = context.newPage();
                page.navigate(url("budgets/" + campaign + "/results"));
                page.locator(".results-envelope").first().waitFor();
                page.locator(".votes-chart canvas").first().waitFor();
                assertThat(((Number) page.evaluate(OVERFLOW)).intValue()).as("results at %d px: no sideways scroll", width).isLessThanOrEqualTo(0);
                page.locator(".results-why-details summary").first().click();
                violations.addAll(audit(page, script));
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "budget-results-" + width + ".png")));
            }
        }
        assertThat(violations).isEmpty();
    }
}
