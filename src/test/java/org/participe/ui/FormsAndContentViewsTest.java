package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.ui.FormErrors;
import org.participe.comments.CommentService;
import org.participe.home.ui.HomeView;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.ui.IdeaFormView;
import org.participe.ideas.ui.IdeaView;
import org.participe.ideas.ui.IdeasView;
import org.participe.moderation.AuditEntry;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.moderation.ui.ModerationAuditView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 15, forms and content: errors, required fields, language of content, photo text, comments, proposing, audit words. */
class FormsAndContentViewsTest extends ViewTest {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;
    @Autowired ModerationService moderation;
    @Autowired LocalePreference languages;

    @AfterEach
    void french() {
        UI.getCurrent().setLocale(Locale.FRENCH);
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private long category() {
        return town.activeCategories().getFirst().id();
    }

    private long idea(ParticipeUser author, String title, byte[] photo, String photoDescription) {
        return Security.as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée par le service.",
                category(), null, photo, photoDescription)));
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    /** The text of a component and everything inside it, as a reader gets it. */
    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    // Form errors and required fields -------------------------------------------------------------

    @Test
    void anEmptyIdeaFormSummarisesEveryErrorInReadingOrderAndExplainsTheMarker() {
        signIn("summary", Roles.RESIDENT);
        navigate(IdeaFormView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("form.required-note"));

        test(button(t("idea.form.publish"))).click();

        Div summary = $(Div.class).all().stream().filter(d -> d.hasClassName(FormErrors.SUMMARY_CLASS)).findFirst().orElseThrow();
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(summary.getText()).isEqualTo(t("form.errors.summary", 3, String.join(" ; ",
                t("form.errors.item", t("idea.form.title"), t("validation.length", IdeaService.TITLE_MIN, IdeaService.TITLE_MAX)),
                t("form.errors.item", t("idea.form.description"), t("validation.length", IdeaService.DESCRIPTION_MIN, IdeaService.DESCRIPTION_MAX)),
                t("form.errors.item", t("ideas.category"), t("idea.category.required")))));
        assertThat(summary.getText()).startsWith("3 erreurs : Titre : ");

        test(button(t("idea.form.publish"))).click();
        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName(FormErrors.SUMMARY_CLASS))).as("replaced, not piled up").hasSize(1);
    }

    @Test
    void theCommentFieldIsMarkedRequired() {
        ParticipeUser author = signIn("comment-required", Roles.RESIDENT);
        long id = idea(author, "Une idée pour un commentaire obligatoire", null, null);
        navigate("ideas/" + id, IdeaView.class);
        TextArea comment = $(TextArea.class).all().stream().filter(a -> t("comments.new").equals(a.getLabel())).findFirst().orElseThrow();
        assertThat(comment.isRequiredIndicatorVisible()).isTrue();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("form.required-note"));
    }

    // Language of user content -------------------------------------------------------------------

    @Test
    void frenchTextIsMarkedFrenchInTheEnglishInterfaceAndEnglishTextEnglishInTheFrenchOne() {
        ParticipeUser french = signIn("writes-french", Roles.RESIDENT);
        long frenchIdea = idea(french, "Des bancs à l’ombre près du kiosque", null, null);
        long frenchComment = Security.as(french, () -> comments.post(ContentKey.idea(frenchIdea), null, "Je suis tout à fait d’accord."));
        ParticipeUser english = signIn("writes-english", Roles.RESIDENT);
        languages.rememberForCurrentUser(Locale.ENGLISH);
        long englishIdea = idea(english, "Shaded benches by the bandstand", null, null);

        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("ideas/" + frenchIdea, IdeaView.class);
        assertThat($(H1.class).single().getElement().getAttribute("lang")).isEqualTo("fr");
        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("idea-text")).findFirst().orElseThrow().getElement().getAttribute("lang"))
                .isEqualTo("fr");
        assertThat($(Article.class).all().stream().filter(a -> ("comment-" + frenchComment).equals(a.getId().orElse(null))).findFirst().orElseThrow()
                .getChildren().filter(c -> c.hasClassName("comment-body")).findFirst().orElseThrow().getElement().getAttribute("lang")).isEqualTo("fr");

        UI.getCurrent().setLocale(Locale.FRENCH);
        navigate("ideas/" + englishIdea, IdeaView.class);
        assertThat($(H1.class).single().getElement().getAttribute("lang")).isEqualTo("en");
        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("idea-text")).findFirst().orElseThrow().getElement().getAttribute("lang"))
                .isEqualTo("en");
        assertThat(ideas.cards(List.of(frenchIdea, englishIdea))).extracting(card -> card.lang()).containsExactly("fr", "en");
    }

    // Photo descriptions ---------------------------------------------------------------------------

    @Test
    void aPhotosDescriptionIsItsAlternativeTextAndWithoutOneTheTextNamesTheIdea() throws Exception {
        ParticipeUser author = signIn("photo-alt", Roles.RESIDENT);
        long described = idea(author, "Un potager partagé derrière l’école", png(), "Un carré de terre en friche derrière le grillage de l’école");
        long undescribed = idea(author, "Un second potager près du stade", png(), "   ");

        navigate("ideas/" + described, IdeaView.class);
        Image photo = $(Image.class).all().stream().filter(i -> i.hasClassName("idea-photo")).findFirst().orElseThrow();
        assertThat(photo.getAlt()).contains("Un carré de terre en friche derrière le grillage de l’école");

        navigate("ideas/" + undescribed, IdeaView.class);
        photo = $(Image.class).all().stream().filter(i -> i.hasClassName("idea-photo")).findFirst().orElseThrow();
        assertThat(photo.getAlt()).contains(t("idea.photo-of", "Un second potager près du stade"));
    }

    @Test
    void theIdeaFormTakesAPhotoDescriptionAndRefusesATooLongOne() {
        signIn("photo-alt-form", Roles.RESIDENT);
        navigate(IdeaFormView.class);
        TextField field = $(TextField.class).all().stream().filter(f -> t("idea.form.photo-description").equals(f.getLabel())).findFirst().orElseThrow();
        test($(TextField.class).all().getFirst()).setValue("Un titre assez long pour passer");
        test(field).setValue("x".repeat(IdeaService.PHOTO_DESCRIPTION_MAX + 1));
        test(button(t("idea.form.publish"))).click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(t("validation.max-length", IdeaService.PHOTO_DESCRIPTION_MAX));
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    // Comments ----------------------------------------------------------------------------------------

    @Test
    void aNewCommentAfterTwentyOthersIsOnScreenWhereItWasPosted() {
        ParticipeUser chatty = signIn("twenty", Roles.RESIDENT);
        long id = idea(chatty, "Une idée très discutée par ses voisins", null, null);
        for (int i = 1; i <= 20; i++) {
            int n = i;
            Security.as(chatty, () -> comments.post(ContentKey.idea(id), null, "Commentaire numéro " + n));
        }
        signIn("twenty-first", Roles.RESIDENT);
        navigate("ideas/" + id, IdeaView.class);
        TextArea text = $(TextArea.class).all().stream().filter(a -> t("comments.new").equals(a.getLabel())).findFirst().orElseThrow();
        test(text).setValue("Le vingt et unième commentaire, le mien");
        test(button(t("comments.post"))).click();

        List<Article> mine = $(Article.class).all().stream().filter(a -> text(a).contains("Le vingt et unième commentaire, le mien")).toList();
        assertThat(mine).as("my new comment is on screen, once").hasSize(1);
        assertThat($(Article.class).all().stream().filter(a -> a.hasClassName("comment") && a.getId().isPresent())).hasSize(21);

        test(button(t("comments.more"))).click();
        assertThat($(Article.class).all().stream().filter(a -> text(a).contains("Le vingt et unième commentaire, le mien")))
                .as("shown in its place once its page is loaded, not twice").hasSize(1);
    }

    // Who may propose ---------------------------------------------------------------------------------

    @Test
    void staffAreToldTheyLackTheResidentRoleAndAreNotOfferedToPropose() {
        signIn("agent", Roles.STAFF);
        navigate(IdeaFormView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains(t("idea.form.residents-only")).doesNotContain(t("idea.form.confirm-first"));
        assertThat($(TextField.class).all()).isEmpty();

        navigate(IdeasView.class);
        assertThat($(Anchor.class).all().stream().filter(a -> "ideas/new".equals(a.getHref())).filter(Component::isVisible)).isEmpty();
        navigate(HomeView.class);
        assertThat($(Anchor.class).all().stream().filter(a -> "ideas/new".equals(a.getHref())).filter(Component::isVisible)).isEmpty();
    }

    @Test
    void residentsAndVisitorsAreOfferedToPropose() {
        navigate(IdeasView.class);
        assertThat($(Anchor.class).all().stream().filter(a -> "ideas/new".equals(a.getHref())).filter(Component::isVisible)).hasSize(1);
        signIn("resident-offered", Roles.RESIDENT);
        navigate(IdeasView.class);
        assertThat($(Anchor.class).all().stream().filter(a -> "ideas/new".equals(a.getHref())).filter(Component::isVisible)).hasSize(1);
    }

    // The empty badge -------------------------------------------------------------------------------

    @Test
    void anIdeaWithoutDueDateHasNoEmptyFollowUpLine() {
        ParticipeUser author = signIn("no-due-date", Roles.RESIDENT);
        long id = idea(author, "Une idée sans date de réponse attendue", null, null);
        navigate("ideas/" + id, IdeaView.class);
        assertThat($(Paragraph.class).all().stream().filter(p -> p.hasClassName("idea-follow-up"))).isEmpty();
        assertThat($(Paragraph.class).all().stream().filter(p -> p.getClassNames().stream().anyMatch(c -> c.startsWith("idea-")))
                .filter(p -> text(p).isBlank())).as("no empty pill").isEmpty();
    }

    // The audit in words, with links ------------------------------------------------------------------

    @Test
    void theAuditShowsWordsAndLinksToTheContent() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        ParticipeUser author = data.confirmedAccount(name, Roles.RESIDENT);
        long ideaId = idea(author, "Une idée qu’un élu masque hors sujet", null, null);
        long commentId = Security.as(author, () -> comments.post(ContentKey.idea(ideaId), null, "Un commentaire que l’élu masque aussi."));
        ParticipeUser official = signIn("auditor", Roles.OFFICIAL, Roles.RESIDENT);
        moderation.hide(List.of(moderation.current(ContentKey.idea(ideaId))), ModerationReason.OFF_TOPIC, null);
        moderation.hide(List.of(moderation.current(ContentKey.comment(commentId))), ModerationReason.SPAM, null);

        navigate(ModerationAuditView.class);
        test($(TextField.class).all().stream().filter(f -> t("audit.filter.person").equals(f.getLabel())).findFirst().orElseThrow()).setValue(name);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(2);
        String comment = text(test(grid).getCellComponent(0, 1));
        String idea = text(test(grid).getCellComponent(1, 1));
        assertThat(idea).contains("Masquage", "Hors sujet", "visible → masqué : Hors sujet").doesNotContain("OFF_TOPIC", "hidden");
        assertThat(comment).contains("Publicité ou spam").doesNotContain("SPAM");
        List<Anchor> links = Stream.of(test(grid).getCellComponent(0, 1), test(grid).getCellComponent(1, 1))
                .flatMap(cell -> $(Anchor.class, cell).all().stream()).toList();
        assertThat(links).extracting(Anchor::getHref).containsExactly("ideas/" + ideaId + "#comment-" + commentId, "ideas/" + ideaId);
        assertThat(links).extracting(Anchor::getText).containsExactly("Commentaire n° " + commentId, "Idée n° " + ideaId);
        assertThat(official).isNotNull();
    }
}
