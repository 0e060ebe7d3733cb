package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.ui.IdeaView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A click on "Soutenir" sets the state the person saw, even when another session changed it and
 * the server already knows while the screen does not yet.
 */
class SupportClickViewTest extends ViewTest {

    private static final String SEEN_PRESSED = "element.getAttribute('aria-pressed')";

    @Autowired IdeaService ideas;
    @Autowired TownService town;

    @Test
    void clickingSupportAfterAnotherSessionSupportedKeepsTheSupport() {
        ParticipeUser author = data.confirmedAccount("support-author", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long id = Security.as(author, () -> ideas.propose(new IdeaDraft("Des bancs près de l’école", "Une description assez longue pour être acceptée.",
                category, null, null)));
        signIn("two-tabs", Roles.RESIDENT);
        navigate("ideas/" + id, IdeaView.class);
        Button support = $(Button.class).id("idea-support");
        assertThat(support.getText()).isEqualTo(t("idea.support"));

        ideas.support(id); // the same person, in another tab, a moment earlier
        pushedChanges();
        assertThat(support.getElement().getAttribute("aria-pressed")).as("the server pushed the new state").isEqualTo("true");

        clickAsSeen(support, "false"); // this tab still showed "Soutenir" when clicked

        assertThat(ideas.detail(id).orElseThrow().supportedByMe()).as("still supporting, as both clicks meant").isTrue();
        assertThat(ideas.supportCount(id)).isEqualTo(1);
    }

    @Test
    void clickingWithdrawSetsNotSupportingEvenIfAlreadyWithdrawnElsewhere() {
        ParticipeUser author = data.confirmedAccount("support-author", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        long id = Security.as(author, () -> ideas.propose(new IdeaDraft("Un composteur de quartier", "Une description assez longue pour être acceptée.",
                category, null, null)));
        signIn("two-tabs", Roles.RESIDENT);
        ideas.support(id);
        navigate("ideas/" + id, IdeaView.class);
        Button support = $(Button.class).id("idea-support");
        assertThat(support.getText()).isEqualTo(t("idea.unsupport"));

        ideas.withdrawSupport(id);
        pushedChanges();
        clickAsSeen(support, "true");

        assertThat(ideas.detail(id).orElseThrow().supportedByMe()).isFalse();
        assertThat(ideas.supportCount(id)).isZero();
        assertThat($(Button.class).id("idea-support").getText()).isEqualTo(t("idea.support"));
    }

    /** Runs what other sessions' changes queued for this page (the live refresh), as Vaadin does when the session lock is released. */
    private static void pushedChanges() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    /** A click as the browser sends it, with the button's state the person saw. */
    private static void clickAsSeen(Button button, String pressed) {
        var data = JacksonUtils.createObjectNode();
        data.put(SEEN_PRESSED, pressed);
        data.put("event.detail", 1);
        button.getElement().getNode().getFeature(ElementListenerMap.class).fireEvent(new DomEvent(button.getElement(), "click", data));
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
