package org.participe.ideas.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.BiFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKind;
import org.participe.comments.CommentService;
import org.participe.comments.MyComment;
import org.participe.follows.FollowService;
import org.participe.ideas.IdeaCard;
import org.participe.ideas.IdeaService;
import org.participe.town.TownService;

/** A resident's own activity: their ideas, the ideas they support, their comments, what they follow. */
@Route("my-activity")
@PermitAll
@Menu(title = "menu.my-activity", order = 5, icon = "vaadin:user-card")
public class MyActivityView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private static final int PAGE = 10;

    private final TownNames names;

    public MyActivityView(IdeaService ideas, CommentService comments, FollowService follows, TownService town) {
        this.names = TownNames.of(town);
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("activity-page");
        layout.add(new H1(getTranslation("activity.title")));
        layout.add(ideaSection("activity.my-ideas", "activity.my-ideas.none", (offset, limit) -> ideas.myIdeas(offset, limit)));
        layout.add(ideaSection("activity.supported", "activity.supported.none", (offset, limit) -> ideas.supportedIdeas(offset, limit)));
        layout.add(ideaSection("activity.followed", "activity.followed.none",
                (offset, limit) -> ideas.cards(follows.followedIds(ContentKind.IDEA, limit, offset))));
        layout.add(commentSection(comments));
    }

    private Section ideaSection(String titleKey, String emptyKey, BiFunction<Integer, Integer, List<IdeaCard>> source) {
        Section section = new Section();
        section.addClassName("activity-section");
        Div list = new Div();
        list.addClassName("idea-list");
        Button more = new Button(getTranslation("ideas.more"));
        int[] loaded = {0};
        Runnable load = () -> {
            List<IdeaCard> page = source.apply(loaded[0], PAGE);
            page.forEach(card -> list.add(IdeaCardView.of(card, names, this)));
            loaded[0] += page.size();
            more.setVisible(page.size() == PAGE);
            if (loaded[0] == 0) {
                list.add(new Paragraph(getTranslation(emptyKey)));
            }
        };
        more.addClickListener(e -> load.run());
        load.run();
        section.add(new H2(getTranslation(titleKey)), list, more);
        return section;
    }

    private Section commentSection(CommentService comments) {
        Section section = new Section();
        section.addClassName("activity-section");
        section.add(new H2(getTranslation("activity.comments")));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(TownZone.zone());
        List<MyComment> mine = comments.myComments(0, 50);
        if (mine.isEmpty()) {
            section.add(new Paragraph(getTranslation("activity.comments.none")));
        }
        for (MyComment comment : mine) {
            Component text = comment.deleted() ? new Paragraph(getTranslation("comments.deleted")) : new Paragraph(comment.excerpt());
            Anchor where = new Anchor(comment.path(),
                    getTranslation("activity.comment-on", dates.format(comment.createdAt())));
            Div item = new Div(where, text);
            item.addClassName("activity-comment");
            section.add(item);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activity.title") + " · " + getTranslation("app.name");
    }
}
