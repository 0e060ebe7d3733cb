package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.ui.AccessDeniedView;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.ui.IdeaView;
import org.participe.moderation.AnswerTemplate;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.InboxItem;
import org.participe.moderation.InboxTab;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.moderation.ui.ModerationAuditView;
import org.participe.moderation.ui.ModerationInboxView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/** The officials' inbox and answer form without a browser: tabs and filters from the URL, bulk actions, templates. */
class ModerationViewsTest extends ViewTest {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired ModerationService moderation;
    @Autowired FollowUpService followUp;
    @Autowired TownService town;

    private String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private long idea(ParticipeUser author, String title) {
        long category = town.activeCategories().getFirst().id();
        return Security.as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private void flag(ContentKey ref, String who) {
        ParticipeUser flagger = data.confirmedAccount(who, Roles.RESIDENT);
        Security.as(flagger, () -> moderation.flag(ref, ModerationReason.SPAM, null));
    }

    private void openInbox(InboxTab tab, String type) {
        Map<String, String> query = type == null ? Map.of("tab", tab.name()) : Map.of("tab", tab.name(), "type", type);
        UI.getCurrent().navigate(ModerationInboxView.class, QueryParameters.simple(query));
    }

    @SuppressWarnings("unchecked")
    private Grid<InboxItem> grid() {
        return $(Grid.class).single();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText()) && b.isVisible()).findFirst().orElseThrow();
    }

    @Test
    void anOfficialFiltersTheFlaggedTabAndDismissesTwoItemsAtOnce() {
        ParticipeUser author = data.confirmedAccount("inbox-author", Roles.RESIDENT);
        long ideaId = idea(author, "Une idée signalée dans la boîte");
        long commentId = Security.as(author, () -> comments.post(ContentKey.idea(ideaId), null, "Un commentaire signalé une fois."));
        ContentKey idea = ContentKey.idea(ideaId);
        ContentKey comment = ContentKey.comment(commentId);
        flag(idea, "inbox-f1");
        flag(comment, "inbox-f2");
        signIn("inbox-official", Roles.OFFICIAL);

        openInbox(InboxTab.FLAGGED, ContentKind.COMMENT.name());
        List<InboxItem> shown = grid().getLazyDataView().getItems().toList();
        assertThat(shown).isNotEmpty().allMatch(item -> item.ref().kind() == ContentKind.COMMENT);
        assertThat(shown).extracting(InboxItem::ref).contains(comment).doesNotContain(idea);
        @SuppressWarnings("unchecked")
        Select<String> kind = $(Select.class).single();
        assertThat(kind.getValue()).isEqualTo(ContentKind.COMMENT.name());

        openInbox(InboxTab.FLAGGED, null);
        List<InboxItem> mine = grid().getLazyDataView().getItems().filter(i -> i.ref().equals(idea) || i.ref().equals(comment)).toList();
        assertThat(mine).hasSize(2);
        long flaggedBefore = moderation.counts().get(InboxTab.FLAGGED);
        assertThat($(Anchor.class).id("tab-flagged").getText()).isEqualTo(t("moderation.tab.FLAGGED", flaggedBefore));
        grid().asMultiSelect().select(mine);
        test(button(t("moderation.dismiss"))).click();

        assertThat(moderation.inbox(InboxTab.FLAGGED, null, 0, 1000)).extracting(InboxItem::ref).doesNotContain(idea, comment);
        assertThat($(Anchor.class).id("tab-flagged").getText()).isEqualTo(t("moderation.tab.FLAGGED", flaggedBefore - 2));
        assertThat(grid().getSelectedItems()).isEmpty();
    }

    @Test
    void hidingFromTheInboxAsksForAReasonAndKeepsTheDialogOpenWithoutOne() {
        ParticipeUser author = data.confirmedAccount("inbox-author2", Roles.RESIDENT);
        ContentKey idea = ContentKey.idea(idea(author, "Une idée à masquer depuis la boîte"));
        flag(idea, "inbox-f3");
        signIn("inbox-official2", Roles.OFFICIAL);
        openInbox(InboxTab.FLAGGED, ContentKind.IDEA.name());
        InboxItem item = grid().getLazyDataView().getItems().filter(i -> i.ref().equals(idea)).findFirst().orElseThrow();
        grid().asMultiSelect().select(item);
        test(button(t("moderation.hide"))).click();
        Button confirm = $(Button.class).all().stream().filter(b -> t("moderation.hide").equals(b.getText()))
                .reduce((first, second) -> second).orElseThrow();
        test(confirm).click();
        assertThat(moderation.inbox(InboxTab.FLAGGED, null, 0, 1000)).extracting(InboxItem::ref).as("nothing hidden without a reason").contains(idea);

        @SuppressWarnings("unchecked")
        var reasons = (RadioButtonGroup<ModerationReason>) $(RadioButtonGroup.class).single();
        assertThat(reasons.isInvalid()).isTrue();
        reasons.setValue(ModerationReason.OFF_TOPIC);
        test(confirm).click();
        assertThat(moderation.inbox(InboxTab.HIDDEN, ContentKind.IDEA, 0, 1000)).extracting(InboxItem::ref).contains(idea);
    }

    @Test
    void residentsAndStaffCannotOpenTheInboxNorTheAudit() {
        for (String role : List.of(Roles.RESIDENT, Roles.STAFF)) {
            signIn("inbox-denied-" + role.toLowerCase(), role);
            navigate("moderation", AccessDeniedView.class);
            navigate("moderation/audit", AccessDeniedView.class);
            navigate("moderation/templates", AccessDeniedView.class);
        }
    }

    @Test
    void anAdministratorReadsTheAuditButDoesNotModerate() {
        signIn("audit-admin", Roles.ADMIN);
        navigate("moderation/audit", ModerationAuditView.class);
        assertThat($(Anchor.class).id("audit-export").getText()).isEqualTo(t("audit.export"));
        navigate("moderation", AccessDeniedView.class);
    }

    @Test
    void anAnswerTemplateFillsTheAnswerFormThatStillNeedsAStatus() {
        ParticipeUser author = data.confirmedAccount("templated", Roles.RESIDENT);
        long id = idea(author, "Une idée qui reçoit une réponse type");
        ParticipeUser official = signIn("templating", Roles.OFFICIAL);
        String title = "Refus : compétence du département " + official.accountId();
        followUp.saveTemplate(null, title, "Cette demande relève du département ; la ville la lui a transmise.", 0);
        navigate("ideas/" + id, IdeaView.class);
        @SuppressWarnings("unchecked")
        Select<AnswerTemplate> template = $(Select.class).all().stream()
                .filter(s -> t("answer.template").equals(s.getLabel())).findFirst().orElseThrow();
        test(template).selectItem(title);
        TextArea text = $(TextArea.class).all().stream().filter(a -> t("answer.text").equals(a.getLabel())).findFirst().orElseThrow();
        assertThat(text.getValue()).isEqualTo("Cette demande relève du département ; la ville la lui a transmise.");
        test(button(t("answer.publish"))).click();
        @SuppressWarnings("unchecked")
        Select<IdeaStatus> status = $(Select.class).all().stream().filter(s -> t("answer.status").equals(s.getLabel())).findFirst().orElseThrow();
        assertThat(status.isInvalid()).as("a status is still required").isTrue();
        assertThat(ideas.detail(id).orElseThrow().status()).isEqualTo(IdeaStatus.PUBLISHED);
    }
}
