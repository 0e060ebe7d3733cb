package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A file the server refuses (a text file named .png, a PNG of too many pixels) does not stay in
 * the upload's list as if it had arrived: the list holds no file, the reason is written under the
 * field as an alert (read out by screen readers), and what was already typed stays.
 */
class RefusedUploadJourneyIT extends BrowserTest {

    @Autowired TestData data;
    ParticipeUser person;
    Path notAnImage;

    @BeforeEach
    void setUp() throws Exception {
        data.ensureTown();
        person = data.confirmedAccount("refused-upload", Roles.RESIDENT, Roles.ADMIN);
        notAnImage = Files.createTempFile("not-an-image", ".png");
        Files.writeString(notAnImage, "Ceci n'est pas une image, seulement du texte.", StandardCharsets.UTF_8);
    }

    /** The refusal under {@code upload}, and no file left in its list. */
    private static void refused(Page page, Locator upload, String message) {
        assertThat(upload.locator("[role=alert]")).containsText(message);
        assertThat(upload.locator("vaadin-upload-file")).hasCount(0);
    }

    @Test
    void theIdeaPhotoFieldListsNoRefusedFileAtBothWidths() {
        for (int width : new int[] {1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), person.email(), TestData.PASSWORD);
                page.navigate(url("ideas/new"));
                page.locator("#idea-title input, vaadin-text-field input").first().fill("Un titre que je ne veux pas retaper");
                Locator upload = page.locator("vaadin-upload");
                upload.locator("input[type=file]").setInputFiles(notAnImage);

                refused(page, upload, "La photo doit être une image JPEG, PNG ou WebP.");
                assertThat(page.getByText("Photo ajoutée")).hasCount(0);
                assertThat(page.locator("vaadin-text-field input").first()).hasValue("Un titre que je ne veux pas retaper");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "upload-refused-idea-" + width + ".png")));
            }
        }
    }

    @Test
    void theTownLogoListsNoRefusedFile() {
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            Browser.logIn(page, url("login"), person.email(), TestData.PASSWORD);
            page.navigate(url("admin/town"));
            Locator upload = page.locator("vaadin-upload");
            upload.locator("input[type=file]").setInputFiles(notAnImage);

            refused(page, upload, "JPEG, PNG ou WebP");
        }
    }
}
