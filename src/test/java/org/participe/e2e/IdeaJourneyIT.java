package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

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
 * Two residents in real Chromium: one proposes an idea with a photo and is shown a similar idea
 * while typing; the other finds it by searching, supports it and comments; the first sees the
 * count and the comment arrive on the open page without reloading.
 */
class IdeaJourneyIT extends BrowserTest {


    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    @Test
    void anIdeaIsProposedFoundSupportedAndDiscussedLive() throws Exception {
        data.ensureTown();
        ParticipeUser someone = data.confirmedAccount("earlier", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        Security.as(someone, () -> ideas.propose(new IdeaDraft("Des bancs ombragés près du kiosque",
                "Il manque des bancs à l’ombre près du kiosque pour les personnes âgées.", category, null, null)));
        ParticipeUser proposer = data.confirmedAccount("proposer-e2e", Roles.RESIDENT);
        ParticipeUser supporter = data.confirmedAccount("supporter-e2e", Roles.RESIDENT);
        Path photo = Files.createTempFile("idea", ".png");
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(40, 120, 60));
        graphics.fillRect(0, 0, 640, 400);
        graphics.dispose();
        ImageIO.write(image, "png", photo.toFile());

        try (BrowserContext first = browser.context(390, 844); BrowserContext second = browser.context(1280, 900)) {
            Page author = first.newPage();
            Browser.logIn(author, url("login"), proposer.email(), TestData.PASSWORD);
            author.navigate(url("ideas/new"));
            String title = "Des bancs ombragés autour du kiosque à musique";
            author.getByLabel("Titre").fill(title);
            assertThat(author.locator(".similar-ideas")).containsText("Des bancs ombragés près du kiosque");
            // The text area, not "Description de la photo" (getByLabel matches part of a name).
            author.locator("vaadin-text-area textarea").fill("Le kiosque accueille des concerts l’été mais il n’y a aucun banc à l’ombre.\n\nQuatre bancs sous les platanes suffiraient.");
            // The character count is written by the server: once it shows, the server has the text.
            assertThat(author.locator("vaadin-text-area")).containsText("/ 5");
            author.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Thème")).click();
            author.getByRole(AriaRole.OPTION).first().click();
            author.locator("vaadin-upload input[type=file]").setInputFiles(photo);
            assertThat(author.getByText(Pattern.compile("Photo ajoutée"))).isVisible();
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier mon idée")).click();
            assertThat(author.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            assertThat(author.locator("img.idea-photo")).isVisible();
            assertThat(author.locator(".idea-support-count")).hasText("Aucun soutien");

            Page reader = second.newPage();
            Browser.logIn(reader, url("login"), supporter.email(), TestData.PASSWORD);
            reader.navigate(url("ideas"));
            reader.getByLabel("Rechercher").fill("kiosque musique");
            assertThat(reader).hasURL(Pattern.compile(".*q=kiosque.*"));
            reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Soutenir")).click();
            assertThat(reader.locator(".idea-support-count")).hasText("1 soutien");
            reader.getByLabel("Votre commentaire").fill("Excellente idée, j’y joue de la musique le dimanche.");
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier").setExact(true)).click();

            assertThat(author.locator(".idea-support-count")).hasText("1 soutien");
            assertThat(author.locator(".comments")).containsText("j’y joue de la musique le dimanche");
            author.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", "idea-live-390.png")));
        } finally {
            Files.deleteIfExists(photo);
        }
    }
}
