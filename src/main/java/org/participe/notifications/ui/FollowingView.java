package org.participe.notifications.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.follows.FollowService;
import org.participe.ideas.IdeaCard;
import org.participe.ideas.IdeaService;
import org.participe.ideas.ui.IdeaCards;
import org.participe.initiatives.InitiativeCard;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.ui.InitiativeCardView;
import org.participe.notifications.NotificationService;
import org.participe.town.Category;
import org.participe.town.TownService;

/** What I follow, and how much changed on each since my last visit. */
@Route("following")
@PermitAll
@Menu(title = "menu.following", order = 6, icon = "vaadin:bell-o")
public class FollowingView extends Composite<VerticalLayout> implements HasDynamicTitle {

    public FollowingView(FollowService follows, IdeaService ideas, InitiativeService initiatives, NotificationService notifications,
                         TownService town) {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("activity-page");
        Map<ContentKey, Long> changes = notifications.unreadByTarget();
        layout.add(new H1(getTranslation("following.title")), new Paragraph(getTranslation("following.intro")));

        layout.add(new H2(getTranslation("following.initiatives")));
        List<InitiativeCard> followedInitiatives = initiatives.cards(follows.followedIds(ContentKind.INITIATIVE, 100, 0));
        Map<Long, Category> categories = town.categories().stream().collect(Collectors.toMap(Category::id, Function.identity()));
        Div initiativeList = new Div();
        initiativeList.addClassName("idea-list");
        for (InitiativeCard card : followedInitiatives) {
            initiativeList.add(new InitiativeCardView(card, categories.get(card.categoryId()), changesText(changes.get(ContentKey.initiative(card.id())))));
        }
        layout.add(initiativeList.getComponentCount() == 0 ? new Paragraph(getTranslation("following.initiatives.none")) : initiativeList);

        layout.add(new H2(getTranslation("following.ideas")));
        List<IdeaCard> followedIdeas = ideas.cards(follows.followedIds(ContentKind.IDEA, 100, 0));
        Div ideaList = new Div();
        ideaList.addClassName("idea-list");
        IdeaCards.Names names = IdeaCards.names(town);
        for (IdeaCard card : followedIdeas) {
            Div wrapper = new Div(IdeaCards.card(card, names, this));
            String text = changesText(changes.get(ContentKey.idea(card.id())));
            if (text != null) {
                Paragraph note = new Paragraph(text);
                note.addClassNames("idea-tag", "idea-threshold");
                wrapper.addComponentAsFirst(note);
            }
            ideaList.add(wrapper);
        }
        layout.add(followedIdeas.isEmpty() ? new Paragraph(getTranslation("activity.followed.none")) : ideaList);
    }

    private String changesText(Long count) {
        return count == null || count == 0 ? null : getTranslation("following.changes", count);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("following.title") + " · " + getTranslation("app.name");
    }
}
