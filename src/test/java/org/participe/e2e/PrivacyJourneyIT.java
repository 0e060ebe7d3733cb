package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident uses their rights in real Chromium: downloads a copy of their data (a ZIP that opens,
 * with a README in French), which nobody else can fetch, then deletes their account and can no
 * longer sign in.
 */
class PrivacyJourneyIT extends BrowserTest {

    @Autowired TestData data;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    @Test
    void aResidentDownloadsTheirDataThenDeletesTheirAccount() throws IOException {
        ParticipeUser resident = data.confirmedAccount("rights-e2e", Roles.RESIDENT);
        ParticipeUser neighbour = data.confirmedAccount("rights-e2e-other", Roles.RESIDENT);
        try (BrowserContext context = browser.context(360, 800); BrowserContext other = browser.context(360, 800)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
            page.navigate(url("profile"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes données : obtenir une copie, supprimer mon compte")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Préparer une copie de mes données")).click();
            var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Télécharger ma copie du")));
            assertThat(link).isVisible();

            Download download = page.waitForDownload(link::click);
            Path zip = Files.createTempFile("my-data", ".zip");
            download.saveAs(zip);
            assertThat(download.suggestedFilename()).matches("mes-donnees-participe-\\d{4}-\\d{2}-\\d{2}\\.zip");
            Map<String, String> files = unzip(zip);
            assertThat(files.keySet()).contains("LISEZMOI.txt", "profile.json", "profile.csv", "ideas.json", "login_history.csv");
            assertThat(files.get("profile.json")).contains(resident.email());
            assertThat(files.get("LISEZMOI.txt")).contains("Votre compte : adresse e-mail");

            String href = link.getAttribute("href");
            Page stranger = other.newPage();
            stranger.navigate(url(href.substring(1)));
            assertThat(stranger).hasURL(Pattern.compile(".*/login$"));
            Browser.logIn(stranger, url("login"), neighbour.email(), TestData.PASSWORD);
            stranger.navigate(url(href.substring(1)));
            assertThat(stranger).hasURL(Pattern.compile(".*/my-data\\?link=unknown$"));
            assertThat(stranger.getByRole(AriaRole.ALERT)).containsText("n’existe pas, a expiré ou n’est pas le vôtre");

            page.locator("vaadin-password-field input").fill(TestData.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer mon compte")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer définitivement")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Compte supprimé"))).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/privacy-account-deleted-360.png")));

            Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?error"));
            assertThat(page.getByText("L’adresse e-mail ou le mot de passe est incorrect")).isVisible();
        }
    }

    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (var in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
