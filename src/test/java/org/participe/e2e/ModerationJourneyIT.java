package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moderation in real Chromium: three residents flag a comment and it leaves the public page; an
 * official restores it from the inbox; the official answers an idea that reached the threshold and
 * its author reads the answer on the timeline and in the notifications.
 */
class ModerationJourneyIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;

    @Test
    void flaggedCommentIsHiddenThenRestoredAndAThresholdIdeaIsAnswered() {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("e2e-mod-author", Roles.RESIDENT);
        ParticipeUser commenter = data.confirmedAccount("e2e-mod-commenter", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("e2e-mod-official", Roles.OFFICIAL, Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long discussed = Security.as(author, () -> ideas.propose(new IdeaDraft("Un marché bio le samedi matin",
                "Un petit marché de producteurs locaux sur la place, le samedi matin.", category, null, null)));
        String text = "Ce commentaire agressif sera signalé trois fois.";
        long commentId = Security.as(commenter, () -> comments.post(ContentKey.idea(discussed), null, text));
        long popular = thresholdIdea(author, category);

        try (BrowserContext flaggers = browser.context(390, 844); BrowserContext visitor = browser.context(390, 844);
             BrowserContext officials = browser.context(1280, 900); BrowserContext authors = browser.context(390, 844)) {
            for (String name : List.of("e2e-flag-1", "e2e-flag-2", "e2e-flag-3")) {
                ParticipeUser flagger = data.confirmedAccount(name, Roles.RESIDENT);
                flaggers.clearCookies();
                Page page = flaggers.newPage();
                Browser.logIn(page, url("login"), flagger.email(), TestData.PASSWORD);
                page.navigate(url("ideas/" + discussed));
                Locator comment = page.locator("#comment-" + commentId);
                comment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Signaler le commentaire de Person e2e-mod-commenter")).click();
                page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Propos injurieux ou haineux")).check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le signalement")).click();
                assertThat(page.getByText("Merci", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
                page.close();
            }

            Page anonymous = visitor.newPage();
            anonymous.navigate(url("ideas/" + discussed));
            assertThat(anonymous.locator(".comments")).isVisible();
            assertThat(anonymous.locator(".comments")).not().containsText(text);

            Page moderator = officials.newPage();
            Browser.logIn(moderator, url("login"), official.email(), TestData.PASSWORD);
            moderator.navigate(url("moderation?tab=AUTO_HIDDEN"));
            assertThat(moderator.locator(".nav-badge").first()).isVisible();
            // The queue lists the oldest first; other tests leave items in it, and this one is the newest.
            moderator.locator("vaadin-grid").first().evaluate("grid => grid.scrollToIndex(grid.size - 1)");
            Locator row = moderator.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
            row.click();
            moderator.locator(".inbox-details").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rétablir")).click();
            assertThat(moderator.getByText("1 élément(s) traité(s).")).isVisible();

            anonymous.reload();
            assertThat(anonymous.locator(".comments")).containsText(text);

            moderator.navigate(url("ideas/" + popular));
            assertThat(moderator.locator(".idea-follow-up")).containsText("Réponse officielle attendue d’ici le");
            moderator.getByLabel("Nouveau statut").click();
            moderator.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Acceptée")).click();
            moderator.getByLabel("Réponse motivée").fill("Accepté : la ville installera les fontaines cet été, budget voté en conseil.");
            moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier la réponse")).click();
            assertThat(moderator.locator(".idea-timeline")).containsText("budget voté en conseil");
            moderator.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", "answered-1280.png")));

            Page reader = authors.newPage();
            Browser.logIn(reader, url("login"), author.email(), TestData.PASSWORD);
            reader.navigate(url("ideas/" + popular));
            assertThat(reader.locator(".idea-timeline")).containsText("Réponse officielle, statut « Acceptée »");
            assertThat(reader.locator(".idea-timeline")).containsText("budget voté en conseil");
            assertThat(reader.locator(".idea-follow-up")).containsText("dans les délais");
            reader.navigate(url("notifications"));
            assertThat(reader.locator("main")).containsText("Nouveau statut : Acceptée");
            assertThat(reader.locator("main")).containsText("Des fontaines à eau au parc des sports");
        }
    }

    /** An idea that reaches a threshold lowered to two supports for the test (then restored). */
    private long thresholdIdea(ParticipeUser author, long category) {
        TownProfile rules = town.profile();
        ParticipeUser admin = data.confirmedAccount("e2e-mod-admin", Roles.ADMIN);
        Security.as(admin, () -> town.update(TownSettingsUpdate.from(rules).withThreshold(2)));
        try {
            long id = Security.as(author, () -> ideas.propose(new IdeaDraft("Des fontaines à eau au parc des sports",
                    "Les sportifs n’ont aucun point d’eau au parc des sports en été.", category, null, null)));
            for (String name : List.of("e2e-sup-1", "e2e-sup-2")) {
                ParticipeUser supporter = data.confirmedAccount(name, Roles.RESIDENT);
                Security.as(supporter, () -> ideas.support(id));
            }
            return id;
        } finally {
            TownProfile now = town.profile();
            Security.as(admin, () -> town.update(TownSettingsUpdate.from(now).withThreshold(rules.thresholdSupports())));
        }
    }
}
