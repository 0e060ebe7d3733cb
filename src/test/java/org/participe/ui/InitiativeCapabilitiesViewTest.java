package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Section;
import org.junit.jupiter.api.Test;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.initiatives.ui.InitiativeView;
import org.participe.initiatives.ui.InitiativesView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/** What each person is offered on an initiative's page and on the list: the pages show what the service says they may do. */
class InitiativeCapabilitiesViewTest extends ViewTest {

    @Autowired InitiativeService initiatives;
    @Autowired TownService town;

    @Test
    void visitorsAreOfferedToSignInToFollowAndNothingElse() {
        long id = initiative(true);
        navigate("initiatives/" + id, InitiativeView.class);
        assertThat(hrefs()).contains("initiatives/" + id + "/back").doesNotContain("initiatives/" + id + "/edit");
        assertThat(buttonTexts()).doesNotContain(t("idea.follow"), t("initiative.publish"), t("initiative.archive"));
        assertThat(staffTools()).isFalse();

        navigate(InitiativesView.class);
        assertThat(hrefs()).doesNotContain("initiatives/new");
    }

    @Test
    void residentsAndOfficialsFollowAndDoNotManage() {
        long id = initiative(true);
        for (String role : new String[]{Roles.RESIDENT, Roles.OFFICIAL}) {
            signIn("capabilities-" + role.toLowerCase(), role);
            navigate("initiatives/" + id, InitiativeView.class);
            assertThat(buttonTexts()).as(role).contains(t("idea.follow")).doesNotContain(t("initiative.publish"), t("initiative.archive"));
            assertThat(hrefs()).as(role).doesNotContain("initiatives/" + id + "/back", "initiatives/" + id + "/edit");
            assertThat(staffTools()).as(role).isFalse();
            navigate(InitiativesView.class);
            assertThat(hrefs()).as(role).doesNotContain("initiatives/new");
        }
    }

    @Test
    void administratorsWithoutAnotherRoleNeitherFollowNorAreOfferedToSignIn() {
        long id = initiative(true);
        signIn("capabilities-admin", Roles.ADMIN);
        navigate("initiatives/" + id, InitiativeView.class);
        assertThat(buttonTexts()).doesNotContain(t("idea.follow"));
        assertThat(hrefs()).doesNotContain("initiatives/" + id + "/back", "initiatives/" + id + "/edit");
        assertThat(staffTools()).isFalse();
    }

    @Test
    void staffFollowEditArchivePostAndPublishOnlyDrafts() {
        signIn("capabilities-staff", Roles.STAFF);
        long draft = initiative(false);
        navigate("initiatives/" + draft, InitiativeView.class);
        assertThat(staffTools()).isTrue();
        assertThat(buttonTexts()).contains(t("idea.follow"), t("initiative.publish"), t("initiative.archive"),
                t("initiative.cover.save"), t("initiative.update.post"), t("initiative.link"));
        assertThat(hrefs()).contains("initiatives/" + draft + "/edit");

        test(button(t("initiative.publish"))).click();
        assertThat(buttonTexts()).as("published now").doesNotContain(t("initiative.publish")).contains(t("initiative.archive"));

        navigate(InitiativesView.class);
        assertThat(hrefs()).contains("initiatives/new");
    }

    private long initiative(boolean published) {
        ParticipeUser staff = data.confirmedAccount("capabilities-writer", Roles.STAFF);
        long category = town.activeCategories().getFirst().id();
        return as(staff, () -> {
            long id = initiatives.create(new InitiativeDraft("Un projet pour tout le monde", "Un résumé du projet assez long",
                    "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.IN_PROGRESS, 10, "", List.of(), null));
            if (published) {
                initiatives.publish(id);
            }
            return id;
        });
    }

    private List<String> hrefs() {
        return $(Anchor.class).all().stream().map(Anchor::getHref).toList();
    }

    private List<String> buttonTexts() {
        return $(Button.class).all().stream().map(Button::getText).toList();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private boolean staffTools() {
        return $(Section.class).all().stream().anyMatch(section -> section.hasClassName("staff-tools"));
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
