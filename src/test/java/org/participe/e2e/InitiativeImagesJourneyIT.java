package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.participe.test.Security.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Images;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff describe the cover and update images of an initiative where they add them; the pages then
 * give each image that description as its alternative text. A refused file leaves the upload's
 * list with its reason under the field.
 */
class InitiativeImagesJourneyIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired InitiativeService initiatives;
    @Autowired TownService town;
    ParticipeUser staff;
    long initiative;
    String title;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        staff = data.confirmedAccount("images-staff", Roles.STAFF);
        long category = town.activeCategories().getFirst().id();
        title = "Le square des tilleuls " + System.nanoTime() % 100_000;
        initiative = as(staff, () -> initiatives.create(new InitiativeDraft(title, "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.IN_PROGRESS, 10,
                "Service des espaces verts", List.of(), null)));
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path path = Files.createTempFile(name, ".png");
        Files.write(path, content);
        return path;
    }

    @Test
    void describedImagesGetTheirDescriptionAsAlternativeText() throws Exception {
        Path picture = file("square", Images.greyPng(640, 400));
        for (int width : new int[] {1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), staff.email(), TestData.PASSWORD);
                page.navigate(url("initiatives/" + initiative));
                Locator coverUpload = page.locator("#initiative-cover");
                coverUpload.locator("input[type=file]").setInputFiles(picture);
                assertThat(coverUpload.locator("vaadin-upload-file[complete]")).hasCount(1);
                Locator coverDescription = page.locator("#initiative-cover-description");
                coverDescription.locator("input").fill("");
                page.getByText("Enregistrer l’image de couverture").click();
                assertThat(coverDescription).hasAttribute("invalid", "");
                assertThat(coverDescription).containsText("Décrivez l’image en une phrase");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "initiative-cover-description-missing-" + width + ".png")));

                String described = "Les tilleuls du square vus depuis l’école, à " + width + " px";
                coverDescription.locator("input").fill(described);
                page.getByText("Enregistrer l’image de couverture").click();
                assertThat(page.locator("img.idea-photo").first()).hasAttribute("alt", described);

                Locator updateUpload = page.locator("#initiative-update-image");
                updateUpload.locator("input[type=file]").setInputFiles(picture);
                assertThat(updateUpload.locator("vaadin-upload-file[complete]")).hasCount(1);
                page.getByLabel("Titre de l’actualité", new Page.GetByLabelOptions().setExact(true)).fill("Les travaux commencent " + width);
                page.getByLabel("Texte", new Page.GetByLabelOptions().setExact(true)).fill("Les engins arrivent lundi matin.");
                page.locator("#initiative-update-image-description input").fill("Une pelleteuse devant le square, " + width);
                page.getByText("Publier l’actualité").click();
                assertThat(page.locator(".initiative-update img").first()).hasAttribute("alt", "Une pelleteuse devant le square, " + width);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "initiative-images-described-" + width + ".png")));
            }
        }
        as(staff, () -> initiatives.publish(initiative));
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            page.navigate(url("initiatives"));
            Locator card = page.locator(".initiative-card").filter(new Locator.FilterOptions().setHasText(title));
            // A first page in a fresh browser context: Vaadin's start can be slow on a busy machine.
            assertThat(card).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            assertThat(card.locator("img")).hasAttribute("alt", "Les tilleuls du square vus depuis l’école, à 360 px");
        }
    }

    @Test
    void aRefusedFileLeavesTheInitiativesUploadLists() throws Exception {
        Path notAnImage = file("not-an-image", "Du texte, pas une image.".getBytes(StandardCharsets.UTF_8));
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), staff.email(), TestData.PASSWORD);
            page.navigate(url("initiatives/" + initiative));
            for (String upload : List.of("#initiative-cover", "#initiative-update-image")) {
                Locator field = page.locator(upload);
                field.locator("input[type=file]").setInputFiles(notAnImage);
                assertThat(field.locator("[role=alert]")).containsText("JPEG, PNG ou WebP");
                assertThat(field.locator("vaadin-upload-file")).hasCount(0);
            }

            // A PNG whose header reads well (it passes the checks made on arrival) but that holds
            // no picture: refused only when decoded, at the save, and then taken out of the list too.
            Path headerOnly = file("header-only", Arrays.copyOf(Images.greyPng(64, 64), 33));
            Locator cover = page.locator("#initiative-cover");
            cover.locator("input[type=file]").setInputFiles(headerOnly);
            assertThat(cover.locator("vaadin-upload-file[complete]")).hasCount(1);
            page.locator("#initiative-cover-description input").fill("Une image qui ne se lit pas");
            page.getByText("Enregistrer l’image de couverture").click();
            assertThat(cover.locator("[role=alert]")).containsText("Cette image ne peut pas être lue");
            assertThat(cover.locator("vaadin-upload-file")).hasCount(0);
            assertThat(page.locator("#initiative-cover-description input")).hasValue("Une image qui ne se lit pas");
        }
    }
}
