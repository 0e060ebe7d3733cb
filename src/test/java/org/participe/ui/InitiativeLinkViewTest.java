package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.TimelineEntry;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.initiatives.ui.InitiativeView;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.ItemFollowUp;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/** Linking an idea to a project changes its status or answers it only when staff say so, and always shows on its timeline. */
class InitiativeLinkViewTest extends ViewTest {

    @Autowired IdeaService ideas;
    @Autowired InitiativeService initiatives;
    @Autowired FollowUpService followUp;
    @Autowired TownService town;

    @Test
    void linkingKeepsAnAcceptedIdeaAcceptedUnlessAskedAndSaysWhatTheBoxWouldReplace() {
        long idea = acceptedIdea();
        signIn("link-staff", Roles.STAFF);
        long project = project();
        navigate("initiatives/" + project, InitiativeView.class);

        Checkbox move = checkbox(t("initiative.link.move.status", t("idea.status.IN_PROGRESS")));
        assertThat(move.getValue()).as("not ticked for staff").isFalse();
        test(field()).setValue((int) idea);
        assertThat(move.getHelperText()).as("names the status it would replace").isEqualTo(t("initiative.link.move.replaces", t("idea.status.ACCEPTED")));
        assertThat(checkbox(t("initiative.link.answers")).getValue()).isFalse();
        test(linkButton()).click();

        assertThat(Security.anonymously(() -> ideas.detail(idea)).orElseThrow().status()).as("the official answer stands").isEqualTo(IdeaStatus.ACCEPTED);
        List<TimelineEntry> timeline = Security.anonymously(() -> ideas.timeline(idea));
        assertThat(timeline).extracting(TimelineEntry::kind).endsWith("OFFICIAL_ANSWER", "INITIATIVE_LINKED");
        assertThat(timeline.getLast().toStatus()).isNull();
    }

    @Test
    void aLinkThatAnswersRecordsThePublicAnswerAndMeetsTheDeadline() {
        ParticipeUser author = data.confirmedAccount("link-author", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Des jardins partagés", "Une description assez longue pour être acceptée.", category, null, null)));
        signIn("link-staff", Roles.STAFF);
        long project = project();
        navigate("initiatives/" + project, InitiativeView.class);

        test(field()).setValue((int) idea);
        test(checkbox(t("initiative.link.move.status", t("idea.status.IN_PROGRESS")))).click();
        test(checkbox(t("initiative.link.answers"))).click();
        TextArea answer = $(TextArea.class).all().stream().filter(a -> t("initiative.link.answer").equals(a.getLabel())).findFirst().orElseThrow();
        assertThat(answer.isVisible()).isTrue();
        test(answer).setValue("Court");
        test(linkButton()).click();
        assertThat(answer.isInvalid()).as("an answer is reasoned").isTrue();
        assertThat(Security.anonymously(() -> ideas.timeline(idea))).extracting(TimelineEntry::kind).doesNotContain("INITIATIVE_LINKED");

        test(answer).setValue("Votre idée rejoint le projet des jardins : les travaux commencent au printemps.");
        test(linkButton()).click();

        assertThat(Security.anonymously(() -> ideas.detail(idea)).orElseThrow().status()).isEqualTo(IdeaStatus.IN_PROGRESS);
        TimelineEntry linked = Security.anonymously(() -> ideas.timeline(idea)).getLast();
        assertThat(linked.kind()).isEqualTo("INITIATIVE_LINKED");
        assertThat(linked.toStatus()).isEqualTo(IdeaStatus.IN_PROGRESS);
        assertThat(linked.text()).startsWith("Votre idée rejoint");
        ItemFollowUp state = Security.anonymously(() -> followUp.followUp(ContentKey.idea(idea))).orElseThrow();
        assertThat(state.answered()).as("the link counts as the idea's answer").isTrue();
    }

    private long acceptedIdea() {
        ParticipeUser author = data.confirmedAccount("link-author", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("link-official", Roles.OFFICIAL);
        long category = town.activeCategories().getFirst().id();
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une piste cyclable rue de Paris", "Une description assez longue pour être acceptée.",
                category, null, null)));
        long version = Security.anonymously(() -> ideas.detail(idea)).orElseThrow().version();
        as(official, () -> ideas.answer(idea, IdeaStatus.ACCEPTED, "Acceptée : la ville inscrit la piste au budget de l'an prochain.", version));
        return idea;
    }

    private long project() {
        long category = town.activeCategories().getFirst().id();
        long id = initiatives.create(new InitiativeDraft("Un projet qui reprend des idées", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.IN_PROGRESS, 10, "", List.of(), null));
        initiatives.publish(id);
        return id;
    }

    private IntegerField field() {
        return $(IntegerField.class).all().stream().filter(f -> t("initiative.link.idea").equals(f.getLabel())).findFirst().orElseThrow();
    }

    private Checkbox checkbox(String label) {
        return $(Checkbox.class).all().stream().filter(c -> label.equals(c.getLabel())).findFirst().orElseThrow();
    }

    private Button linkButton() {
        return $(Button.class).all().stream().filter(b -> t("initiative.link").equals(b.getText())).findFirst().orElseThrow();
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
