package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
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

/** Staff open the dashboard in Chromium, change the period, read a chart's data table and download the figures as CSV. */
class ReportingJourneyIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    @Test
    void staffChangeThePeriodAndDownloadTheFigures() throws Exception {
        data.ensureTown();
        ParticipeUser resident = data.confirmedAccount("e2e-report-resident", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        Security.as(resident, () -> ideas.propose(new IdeaDraft("Une idée pour le tableau de bord",
                "Une description assez longue pour être acceptée.", category, null, null)));
        ParticipeUser staff = data.confirmedAccount("e2e-report-staff", Roles.STAFF);

        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), staff.email(), TestData.PASSWORD);
            page.navigate(url("reports"));
            assertThat(page.locator("#figure-ideas .figure-value")).not().hasText("0");
            assertThat(page.locator(".chart-canvas canvas").first()).isVisible();

            page.getByLabel("Période").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ce mois-ci")).click();
            assertThat(page).hasURL(Pattern.compile(".*period=MONTH.*"));
            assertThat(page.locator("main h2").first()).containsText("Du 1");

            page.locator(".chart-data summary").first().click();
            assertThat(page.locator(".chart-data table").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "reports-1280.png")));

            Download download = page.waitForDownload(() -> page.locator("#export-figures-csv").click());
            assertThat(download.suggestedFilename()).matches("participe-[a-z0-9-]+-indicateurs-\\d{4}-\\d{2}-\\d{2}\\.csv");
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF\"Indicateur\";").contains("\"Idées\";");
        }
    }
}
