package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.assertj.core.api.Assertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.NotFoundView;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaSort;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.ui.IdeaFormView;
import org.participe.ideas.ui.IdeaView;
import org.participe.ideas.ui.IdeasView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.HostileInputs;
import org.participe.test.Security;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class IdeaViewsTest extends ViewTest {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    @Test
    void theProposalFormExplainsEachRefusalAndKeepsTheDraft() {
        signIn("proposer", Roles.RESIDENT);
        navigate(IdeaFormView.class);
        TextField title = $(TextField.class).all().getFirst(); // the photo's description is the second text field
        test(title).setValue("Bancs");
        test($(TextArea.class).single()).setValue("Trop court");

        test($(Button.class).all().stream().filter(b -> t("idea.form.publish").equals(b.getText())).findFirst().orElseThrow()).click();

        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo(t("validation.length", IdeaService.TITLE_MIN, IdeaService.TITLE_MAX));
        assertThat($(TextArea.class).single().isInvalid()).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<Object> category = $(ComboBox.class).all().getFirst();
        assertThat(category.isInvalid()).isTrue();
        assertThat(category.getErrorMessage()).isEqualTo(t("idea.category.required"));
        assertThat(title.getValue()).as("the draft survives").isEqualTo("Bancs");
        assertThat(getCurrentView()).isInstanceOf(IdeaFormView.class);
    }

    @Test
    void anUnconfirmedAccountIsAskedToConfirmBeforeProposing() {
        ParticipeUser user = data.confirmedAccount("unconfirmed-ui", Roles.RESIDENT);
        var context = SecurityContextHolder.createEmptyContext();
        ParticipeUser unconfirmed = Security.user(user.accountId(), user.email(), false, Roles.RESIDENT);
        context.setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(unconfirmed, null, unconfirmed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        navigate(IdeaFormView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("idea.form.confirm-first"));
        assertThat($(TextField.class).all()).isEmpty();
    }

    @Test
    void theListsFiltersLiveInTheUrl() {
        navigate(IdeasView.class);
        test($(TextField.class).single()).setValue("parc ombragé");
        @SuppressWarnings("unchecked")
        Select<IdeaSort> sort = $(Select.class).all().stream().filter(s -> t("ideas.sort").equals(s.getLabel())).findFirst().orElseThrow();
        test(sort).selectItem(t("ideas.sort.SUPPORTED"));

        String location = UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
        assertThat(location).startsWith("ideas?").contains("q=parc").contains("sort=SUPPORTED");

        UI.getCurrent().navigate(IdeasView.class, QueryParameters.simple(Map.of("q", "fontaine", "sort", "DISCUSSED")));
        assertThat($(TextField.class).single().getValue()).as("a shared link restores the filters").isEqualTo("fontaine");
        @SuppressWarnings("unchecked")
        Select<IdeaSort> restored = $(Select.class).all().stream().filter(s -> t("ideas.sort").equals(s.getLabel())).findFirst().orElseThrow();
        assertThat(restored.getValue()).isEqualTo(IdeaSort.DISCUSSED);
    }

    @Test
    void markupInATitleOrACommentIsShownAsText() {
        ParticipeUser author = signIn("xss", Roles.RESIDENT);
        String hostile = "<img src=x onerror=alert(1)> pour la ville";
        long category = town.activeCategories().getFirst().id();
        long id = ideas.propose(new IdeaDraft(hostile, "Une description qui contient <script>alert(2)</script> aussi.", category, null, null));
        comments.post(ContentKey.idea(id), null, "<img src=x onerror=alert(3)>");

        navigate("ideas/" + id, IdeaView.class);

        assertThat($(H1.class).single().getText()).isEqualTo(hostile);
        assertThat($(H1.class).single().getElement().getChildCount()).as("the title is one text node").isEqualTo(1);
        assertThat($(Image.class).all()).as("no image element comes from user text").isEmpty();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("<img src=x onerror=alert(3)>");

        navigate(IdeasView.class); // the newest first: this idea's card is drawn as markup
        String card = $(Html.class).all().stream().map(html -> html.getElement().getProperty("innerHTML"))
                .filter(markup -> markup.contains("ideas/" + id + "\"")).findFirst().orElseThrow();
        Element drawn = Jsoup.parseBodyFragment(card).body();
        assertThat(drawn.select("a[href=ideas/" + id + "]").text()).isEqualTo(hostile);
        assertThat(drawn.select("img, script, [onerror]")).as("no element comes from user text").isEmpty();
        assertThat(author).isNotNull();
    }

    @Test
    void everyMarkupOfTheHostileCorpusStaysTextOnTheIdeaPageAndItsCard() {
        signIn("xss-corpus", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        List<HostileInputs.Input> markup = HostileInputs.wrapped().stream().filter(input -> input.value().contains("<")).toList();
        assertThat(markup).hasSizeGreaterThan(5);
        for (HostileInputs.Input input : markup) {
            String title = input.value();
            long id = ideas.propose(new IdeaDraft(title, "Description : " + input.value(), category, null, null));
            comments.post(ContentKey.idea(id), null, input.value());

            navigate("ideas/" + id, IdeaView.class);
            assertThat($(H1.class).single().getText()).as(input.label()).isEqualTo(title);
            assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).as(input.label())
                    .contains("Description : " + input.value(), input.value());
            assertThat($(Image.class).all()).as(input.label() + ": no image element comes from user text").isEmpty();
            assertThat($(Anchor.class).all()).extracting(Anchor::getHref).as(input.label())
                    .noneMatch(href -> href.startsWith("javascript:") || href.startsWith("data:"));
            assertThat($(Html.class).all()).as(input.label() + ": no markup component holds user text")
                    .noneMatch(html -> html.getElement().getProperty("innerHTML", "").contains("alert(1)"));

            navigate(IdeasView.class); // the newest first: this idea's card is drawn as markup
            String card = $(Html.class).all().stream().map(html -> html.getElement().getProperty("innerHTML"))
                    .filter(drawn -> drawn.contains("ideas/" + id + "\"")).findFirst().orElseThrow();
            Element drawn = Jsoup.parseBodyFragment(card).body();
            assertThat(drawn.select("a[href=ideas/" + id + "]").text()).as(input.label()).isEqualTo(title);
            assertThat(drawn.select("script, img, svg, iframe, a:not([href=ideas/" + id + "]), [onerror], [onload], [onmouseover], [onfocus], [srcdoc]"))
                    .as(input.label() + ": no element or handler comes from user text").isEmpty();
        }
    }

    @Test
    void aResidentCannotOpenTheEditFormOfSomeoneElsesIdea() {
        ParticipeUser author = data.confirmedAccount("owner", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long id = Security.as(author, () -> ideas.propose(new IdeaDraft("Une idée qui n’est pas à vous", "Une description assez longue pour être acceptée.", category, null, null)));
        signIn("intruder", Roles.RESIDENT);
        navigate("ideas/" + id + "/edit", NotFoundView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        navigate("ideas/" + id, IdeaView.class);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).doesNotContain("ideas/" + id + "/edit");
    }

    @Test
    void anOfficialAnswersInPlaceWithAReasonAndTheTimelineSignsIt() {
        ParticipeUser author = data.confirmedAccount("answered", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long id = Security.as(author, () -> ideas.propose(new IdeaDraft("Une idée qui attend une réponse", "Une description assez longue pour être acceptée.", category, null, null)));
        signIn("answering", Roles.OFFICIAL);
        navigate("ideas/" + id, IdeaView.class);
        @SuppressWarnings("unchecked")
        Select<IdeaStatus> status = $(Select.class).all().stream().filter(s -> t("answer.status").equals(s.getLabel())).findFirst().orElseThrow();
        test(status).selectItem(t("idea.status.ACCEPTED"));
        TextArea text = $(TextArea.class).all().stream().filter(a -> t("answer.text").equals(a.getLabel())).findFirst().orElseThrow();
        test(text).setValue("Oui");
        test($(Button.class).all().stream().filter(b -> t("answer.publish").equals(b.getText())).findFirst().orElseThrow()).click();
        assertThat(text.isInvalid()).as("a reason is required to accept").isTrue();

        test(text).setValue("Accepté : les bancs seront posés au printemps, budget voté en conseil.");
        test($(Button.class).all().stream().filter(b -> t("answer.publish").equals(b.getText())).findFirst().orElseThrow()).click();

        assertThat(ideas.detail(id).orElseThrow().status()).isEqualTo(IdeaStatus.ACCEPTED);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Accepté : les bancs seront posés au printemps, budget voté en conseil.");
    }

    @Test
    void aResidentSeesNoAnswerFormAndCannotAnswerThroughTheService() {
        ParticipeUser resident = signIn("no-answer", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long id = ideas.propose(new IdeaDraft("Une idée sans réponse possible", "Une description assez longue pour être acceptée.", category, null, null));
        navigate("ideas/" + id, IdeaView.class);
        assertThat($(TextArea.class).all()).noneMatch(a -> t("answer.text").equals(a.getLabel()));
        Assertions.assertThatThrownBy(() -> ideas.answer(id, IdeaStatus.REJECTED, "Je rejette ma propre idée, pourquoi pas", 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(resident).isNotNull();
    }
}
