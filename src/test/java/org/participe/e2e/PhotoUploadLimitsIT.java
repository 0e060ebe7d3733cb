package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Images;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small PNG of 20000 × 20000 pixels, chosen in the idea form, is refused at once with a message
 * under the photo field (at 1280 and 360 px); the form keeps working.
 */
class PhotoUploadLimitsIT extends BrowserTest {

    @Autowired TestData data;

    @Test
    void aDecompressionBombIsRefusedUnderTheFieldAtBothWidths() throws Exception {
        data.ensureTown();
        ParticipeUser resident = data.confirmedAccount("bomb-e2e", Roles.RESIDENT);
        Path bomb = Files.createTempFile("bomb", ".png");
        Files.write(bomb, Images.greyPng(20_000, 20_000));

        for (int width : new int[] {1280, 360}) {
            try (BrowserContext context = browser.context(width, 900)) {
                Page page = context.newPage();
                Browser.logIn(page, url("login"), resident.email(), TestData.PASSWORD);
                page.navigate(url("ideas/new"));
                page.locator("vaadin-upload input[type=file]").setInputFiles(bomb);

                assertThat(page.locator("vaadin-upload [role=alert]")).containsText("Cette image est trop grande");
                assertThat(page.getByText("Photo ajoutée")).hasCount(0);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "photo-bomb-refused-" + width + ".png")));
            }
        }
    }
}
